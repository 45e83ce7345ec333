namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// The stored form of a person's workday (the jsonb column <c>people.schedule</c>).
/// Kept apart from the Domain's schedule type so the Domain can evolve without a
/// data migration; <c>ScheduleMapping</c> converts between the two.
/// </summary>
public sealed record ScheduleSettings
{
    public required IReadOnlyList<DayOfWeek> WorkDays { get; init; }

    public required TimeOnly DayStart { get; init; }

    public required TimeOnly DayEnd { get; init; }

    public required TimeOnly LunchStart { get; init; }

    public required int LunchMinutes { get; init; }

    public required IReadOnlyList<MeetingSetting> Meetings { get; init; }

    /// <summary>Routine slugs that are on (start-of-day, every-30-minutes, …).</summary>
    public required IReadOnlyList<string> Routines { get; init; }

    public required int CadenceMinutes { get; init; }
}
