using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// The article: "if a movement feels effortless, you can reduce its repetitions and allocate
/// time to another region". Effortless movements get the bottom of their rep range.
/// </summary>
public static class EffortlessMovements
{
    /// <summary>How many of the movement's latest rated sets must all have felt effortless.</summary>
    public const int RatedSetsNeeded = 3;

    /// <summary>
    /// True when the movement's last <see cref="RatedSetsNeeded"/> rated sets before
    /// <paramref name="at"/> were all rated 1 after, and no higher than before where before was
    /// rated (1 is the lowest rating, so that holds whenever after is 1). Sets without a
    /// fatigue-after do not count.
    /// </summary>
    public static bool IsEffortless(MovementId movement, IEnumerable<LogEntry> log, DateTimeOffset at)
    {
        var latest = log
            .Where(e => e.DoneAt < at && e.After is not null && e.Movements.Contains(movement))
            .OrderByDescending(e => e.DoneAt)
            .Take(RatedSetsNeeded)
            .ToList();

        return latest.Count == RatedSetsNeeded && latest.All(FeltEffortless);
    }

    /// <summary>The reps for the next set: the top of the range by default, the bottom once it is effortless.</summary>
    public static int RepsFor(Movement movement, IEnumerable<LogEntry> log, DateTimeOffset at) =>
        IsEffortless(movement.Id, log, at) ? movement.Reps.Min : movement.Reps.Max;

    private static bool FeltEffortless(LogEntry entry) =>
        entry.After is { Value: FatigueRating.Lowest } after
        && (entry.Before is not { } before || after.Value <= before.Value);
}
