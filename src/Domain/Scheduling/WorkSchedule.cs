using System.Collections.Frozen;
using System.Globalization;
using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Scheduling;

/// <summary>
/// A person's workday, in local wall-clock terms of the IANA zone <see cref="TimeZoneId"/>.
/// All times and durations are whole minutes. Slots are computed by <see cref="NextSlotCalculator"/>.
/// </summary>
/// <remarks>
/// The zone id is not resolved here: looking a zone up is the caller's job, which passes the
/// resulting <see cref="TimeZoneInfo"/> to the calculator. Night shifts (a day crossing midnight)
/// are not supported.
/// </remarks>
public sealed record WorkSchedule
{
    public static readonly TimeSpan MinCadence = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxCadence = TimeSpan.FromMinutes(120);
    public static readonly TimeSpan MaxPreMeetingLead = TimeSpan.FromMinutes(60);

    private static readonly FrozenSet<DayOfWeek> MondayToFriday =
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToFrozenSet();

    private static readonly FrozenSet<RoutineKind> AllRoutines = Enum.GetValues<RoutineKind>().ToFrozenSet();

    /// <summary>IANA time zone id, e.g. "Europe/Berlin". Not checked by <see cref="Validate"/>.</summary>
    public required string TimeZoneId { get; init; }

    public IReadOnlySet<DayOfWeek> WorkDays { get; init; } = MondayToFriday;

    /// <summary>Start of the workday; the start-of-day set is due then.</summary>
    public TimeOnly DayStart { get; init; } = new(9, 0);

    /// <summary>End of the workday; must be after <see cref="DayStart"/> on the same day.</summary>
    public TimeOnly DayEnd { get; init; } = new(17, 30);

    public TimeOnly LunchStart { get; init; } = new(12, 30);

    public TimeSpan LunchDuration { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>End of the lunch break; the after-lunch set is due then.</summary>
    public TimeOnly LunchEnd => LunchStart.Add(LunchDuration);

    public IReadOnlyList<RecurringMeeting> Meetings { get; init; } = [];

    /// <summary>How long before each meeting the pre-meeting set is due.</summary>
    public TimeSpan PreMeetingLead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before <see cref="DayEnd"/> the end-of-day set is due, so it is done before leaving.</summary>
    public TimeSpan EndOfDayLead { get; init; } = TimeSpan.FromMinutes(10);

    public IReadOnlySet<RoutineKind> EnabledRoutines { get; init; } = AllRoutines;

    /// <summary>Interval of the recurring short set (<see cref="RoutineKind.Every30Minutes"/>), 15–120 minutes.</summary>
    public TimeSpan Cadence { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Slots due before this instant are skipped.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>Local time at which the end-of-day set is due.</summary>
    public TimeOnly EndOfDayAt => DayEnd.Add(-EndOfDayLead);

    /// <summary>The article's workday: Monday–Friday, 09:00–17:30, lunch 12:30 for 45 minutes, every routine on.</summary>
    public static WorkSchedule Default(string timeZoneId) => new() { TimeZoneId = timeZoneId };

    /// <summary>Human-readable problems with this schedule; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate() => [.. Problems().Select(problem => problem.Message)];

    /// <summary>The same problems as <see cref="Validate"/>, each with the part of the schedule it is about.</summary>
    public IReadOnlyList<ScheduleProblem> Problems()
    {
        var problems = new List<ScheduleProblem>();

        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            problems.Add(new(ScheduleField.TimeZone, "A time zone is needed."));
        }

        if (WorkDays.Count == 0)
        {
            problems.Add(new(ScheduleField.WorkDays, "At least one work day is needed."));
        }

        RequireWholeMinutes(problems, ScheduleField.DayStart, "The start of the day", DayStart.ToTimeSpan());
        RequireWholeMinutes(problems, ScheduleField.DayEnd, "The end of the day", DayEnd.ToTimeSpan());
        RequireWholeMinutes(problems, ScheduleField.LunchStart, "The lunch start", LunchStart.ToTimeSpan());
        RequireWholeMinutes(problems, ScheduleField.LunchDuration, "The lunch duration", LunchDuration);
        RequireWholeMinutes(problems, ScheduleField.PreMeetingLead, "The pre-meeting lead", PreMeetingLead);
        RequireWholeMinutes(problems, ScheduleField.EndOfDayLead, "The end-of-day lead", EndOfDayLead);
        RequireWholeMinutes(problems, ScheduleField.Cadence, "The cadence", Cadence);
        foreach (var meeting in Meetings)
        {
            RequireWholeMinutes(problems, ScheduleField.Meetings, $"The meeting at {Format(meeting.Start)}", meeting.Start.ToTimeSpan());
        }

        var dayIsValid = true;
        if (DayEnd < DayStart)
        {
            dayIsValid = false;
            problems.Add(new(
                ScheduleField.DayEnd,
                $"The day ends ({Format(DayEnd)}) before it starts ({Format(DayStart)}): night shifts crossing midnight are not supported."));
        }
        else if (DayEnd == DayStart)
        {
            dayIsValid = false;
            problems.Add(new(ScheduleField.DayEnd, $"The day must end after it starts ({Format(DayStart)})."));
        }

        if (LunchDuration <= TimeSpan.Zero)
        {
            problems.Add(new(ScheduleField.LunchDuration, "The lunch break must last at least a minute."));
        }
        else if (dayIsValid
            && (LunchStart < DayStart || LunchStart.ToTimeSpan() + LunchDuration > DayEnd.ToTimeSpan()))
        {
            problems.Add(new(
                ScheduleField.LunchStart,
                $"The lunch break ({Format(LunchStart)} for {LunchDuration.TotalMinutes:0} min) must lie within the day ({Format(DayStart)}–{Format(DayEnd)})."));
        }

        if (Cadence < MinCadence || Cadence > MaxCadence)
        {
            problems.Add(new(
                ScheduleField.Cadence,
                $"The recurring set's cadence ({Cadence.TotalMinutes:0} min) must be between {MinCadence.TotalMinutes:0} and {MaxCadence.TotalMinutes:0} minutes."));
        }

        if (PreMeetingLead < TimeSpan.Zero || PreMeetingLead > MaxPreMeetingLead)
        {
            problems.Add(new(
                ScheduleField.PreMeetingLead,
                $"The pre-meeting lead ({PreMeetingLead.TotalMinutes:0} min) must be between 0 and {MaxPreMeetingLead.TotalMinutes:0} minutes."));
        }

        if (EndOfDayLead < TimeSpan.Zero)
        {
            problems.Add(new(ScheduleField.EndOfDayLead, "The end-of-day lead cannot be negative."));
        }
        else if (dayIsValid && EndOfDayLead >= DayEnd - DayStart)
        {
            problems.Add(new(
                ScheduleField.EndOfDayLead,
                $"The end-of-day lead ({EndOfDayLead.TotalMinutes:0} min) must be shorter than the day ({(DayEnd - DayStart).TotalMinutes:0} min)."));
        }

        foreach (var meeting in Meetings.Where(m => m.Days is { Count: 0 }))
        {
            problems.Add(new(ScheduleField.Meetings, $"The meeting at {Format(meeting.Start)} has no days; leave the days out for every work day."));
        }

        return problems;
    }

    private static void RequireWholeMinutes(List<ScheduleProblem> problems, ScheduleField field, string what, TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            problems.Add(new(field, $"{what} must be a whole number of minutes."));
        }
    }

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
