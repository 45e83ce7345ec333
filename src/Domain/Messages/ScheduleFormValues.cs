using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Messages;

/// <summary>
/// What the schedule form shows in its fields: a saved schedule, or what the person entered (kept as
/// typed, so a form sent back with errors shows their values rather than the old ones). Times are
/// "HH:mm" in the person's zone, minutes whole numbers — as text, because an entry may be neither.
/// </summary>
public sealed record ScheduleFormValues(
    IReadOnlySet<DayOfWeek> WorkDays,
    string DayStart,
    string DayEnd,
    string LunchStart,
    string LunchMinutes,
    string TimeZoneId,
    IReadOnlySet<RoutineKind> Routines,
    string CadenceMinutes)
{
    public static ScheduleFormValues From(WorkSchedule schedule) => new(
        schedule.WorkDays,
        Time(schedule.DayStart),
        Time(schedule.DayEnd),
        Time(schedule.LunchStart),
        Minutes(schedule.LunchDuration),
        schedule.TimeZoneId,
        schedule.EnabledRoutines,
        Minutes(schedule.Cadence));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}
