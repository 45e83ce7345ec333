using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// How a region has been rated lately: over the rated sets that worked it, the average fatigue
/// after the set, and the average change (after − before) where both were rated.
/// </summary>
public sealed record RegionFatigue(BodyRegion Region, int RatedSets, double AverageAfter, double? AverageChange)
{
    /// <summary>
    /// The article: "if a particular area remains consistently tight". Consistently means at least
    /// <see cref="TightRegions.MinimumRatedSets"/> rated sets; tight means still fatigued after the
    /// sets on average, or not getting better from them.
    /// </summary>
    public bool IsTight =>
        RatedSets >= TightRegions.MinimumRatedSets
        && (AverageAfter >= TightRegions.TightAverageAfter || AverageChange >= 0);
}
