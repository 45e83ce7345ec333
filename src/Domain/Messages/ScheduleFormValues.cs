using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Messages;

/// <summary>
/// What the schedule form shows in its fields: a saved schedule, or what the person entered (kept as
/// typed, so a form sent back with errors shows their values rather than the old ones). Times are
/// "HH:mm" in the person's zone, minutes whole numbers — as text, because an entry may be neither.
/// Recurring meetings are one line, e.g. "09:30, 14:00 Mon Wed" (a time alone: every work day).
/// </summary>
public sealed record ScheduleFormValues(
    IReadOnlySet<DayOfWeek> WorkDays,
    string DayStart,
    string DayEnd,
    string LunchStart,
    string LunchMinutes,
    string TimeZoneId,
    IReadOnlySet<RoutineKind> Routines,
    string CadenceMinutes,
    string Meetings,
    string MeetingLeadMinutes)
{
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static ScheduleFormValues From(WorkSchedule schedule) => new(
        schedule.WorkDays,
        Time(schedule.DayStart),
        Time(schedule.DayEnd),
        Time(schedule.LunchStart),
        Minutes(schedule.LunchDuration),
        schedule.TimeZoneId,
        schedule.EnabledRoutines,
        Minutes(schedule.Cadence),
        MeetingsLine(schedule.Meetings),
        Minutes(schedule.PreMeetingLead));

    /// <summary>The meetings as the form shows them: "09:30, 14:00 Mon Wed", earliest first.</summary>
    public static string MeetingsLine(IEnumerable<RecurringMeeting> meetings) =>
        string.Join(", ", meetings.OrderBy(m => m.Start).Select(m => m.Days is null
            ? Time(m.Start)
            : $"{Time(m.Start)} {string.Join(' ', WeekOrder.Where(m.Days.Contains).Select(d => d.ToString()[..3]))}"));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}
