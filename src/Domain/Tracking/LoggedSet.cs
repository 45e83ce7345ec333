using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// A log entry as the week's statistics read it — when, which movements, fatigue before and
/// after, which routine (null for an instant set) — as a value, so that a batch of people's log
/// can be read into one buffer instead of an object and a list per entry.
/// </summary>
public readonly record struct LoggedSet(
    DateTimeOffset DoneAt,
    MovementSet Movements,
    FatigueRating? Before,
    FatigueRating? After,
    RoutineKind? Routine)
{
    public static LoggedSet From(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.DoneAt, MovementSet.Of(entry.Movements), entry.Before, entry.After, entry.Routine);
    }
}
