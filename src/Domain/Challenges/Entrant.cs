namespace MicroMove.Domain.Challenges;

/// <summary>
/// A participant as the scoring needs them: who (an opaque key and a display name), since when,
/// their own time zone and work days, and when they finished sets. Fatigue ratings are never
/// here: the leaderboard shows counts only.
/// </summary>
public sealed record Entrant(
    string Key,
    string Name,
    DateTimeOffset JoinedAt,
    TimeZoneInfo Zone,
    IReadOnlySet<DayOfWeek> WorkDays,
    IReadOnlyList<DateTimeOffset> SetsDone);
