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

    /// <summary>Minutes before a meeting that its set is due (absent in older documents: the default).</summary>
    public int PreMeetingLeadMinutes { get; init; } = 5;

    /// <summary>Minutes before the end of the day that the end-of-day set is due.</summary>
    public int EndOfDayLeadMinutes { get; init; } = 10;
}
