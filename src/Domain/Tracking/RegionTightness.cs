using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// The region whose sets ended with the highest average fatigue this week, and how
/// that compares with the previous week.
/// </summary>
public sealed record RegionTightness(
    BodyRegion Region,
    double AverageFatigueAfter,
    int RatedSets,
    double? PreviousAverageFatigueAfter,
    TightnessTrend Trend)
{
    /// <summary>A region needs at least this many sets rated after to be called the tightest.</summary>
    public const int MinimumRatedSets = 2;

    /// <summary>The change in average fatigue after sets that counts as improving or worsening.</summary>
    public const double TrendThreshold = 0.3;

    public static TightnessTrend TrendOf(double current, double? previous)
    {
        if (previous is not { } before)
        {
            return TightnessTrend.New;
        }

        // Rounded so 3.5 − 3.2 is 0.3, not 0.2999…
        var change = Math.Round(current - before, 2, MidpointRounding.AwayFromZero);
        return change <= -TrendThreshold ? TightnessTrend.Improving
            : change >= TrendThreshold ? TightnessTrend.Worsening
            : TightnessTrend.Steady;
    }
}
