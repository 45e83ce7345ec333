using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>One movement's week: sets that included it and how they were rated after.</summary>
public sealed record MovementFigures(
    MovementId Movement,
    int SetsDone,
    int RatedSets,
    double? AverageFatigueAfter,
    int? HighestFatigueAfter)
{
    /// <summary>A movement needs at least this many sets rated after before it can feel effortless.</summary>
    public const int EffortlessMinimumSets = 3;

    /// <summary>The article's "feels effortless": every rated set with it ended at the lowest fatigue.</summary>
    public bool FeelsEffortless => RatedSets >= EffortlessMinimumSets && HighestFatigueAfter == FatigueRating.Lowest;
}
