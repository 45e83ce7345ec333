using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// Finds the regions a person keeps rating tight, so the rotation works them more often
/// (and the weekly statistics can say so).
/// </summary>
public static class TightRegions
{
    /// <summary>How far back ratings count: long enough for a pattern, short enough to notice it passing.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    /// <summary>Fewer rated sets than this is not "consistently".</summary>
    public const int MinimumRatedSets = 3;

    /// <summary>An average fatigue after the set at or above this (on 1–5) counts as still tight.</summary>
    public const double TightAverageAfter = 3.5;

    /// <summary>
    /// Each region worked by at least one rated set in the <see cref="Window"/> ending at
    /// <paramref name="at"/> (inclusive), in region order. A set is rated when it has a fatigue-after;
    /// the average change uses only the sets rated both before and after.
    /// </summary>
    public static IReadOnlyList<RegionFatigue> Summarise(IEnumerable<LogEntry> log, DateTimeOffset at)
    {
        var rated = log
            .Where(e => e.After is not null && e.DoneAt <= at && e.DoneAt > at - Window)
            .ToList();

        return
        [
            .. Enum.GetValues<BodyRegion>()
                .Select(region => Summarise(region, [.. rated.Where(e => e.Includes(region))]))
                .OfType<RegionFatigue>(),
        ];
    }

    /// <summary>The regions that are tight at <paramref name="at"/>, in region order.</summary>
    public static IReadOnlyList<BodyRegion> Detect(IEnumerable<LogEntry> log, DateTimeOffset at) =>
        [.. Summarise(log, at).Where(s => s.IsTight).Select(s => s.Region)];

    private static RegionFatigue? Summarise(BodyRegion region, IReadOnlyList<LogEntry> rated)
    {
        if (rated.Count == 0)
        {
            return null;
        }

        var averageAfter = rated.Average(e => e.After?.Value ?? 0);
        var changes = rated.Select(e => e.FatigueChange).OfType<int>().ToList();
        double? averageChange = changes.Count == 0 ? null : changes.Average();
        return new RegionFatigue(region, rated.Count, averageAfter, averageChange);
    }
}
