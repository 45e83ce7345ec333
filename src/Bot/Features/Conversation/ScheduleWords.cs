using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>A person's schedule in plain words, for the welcome DM, the Home tab and the settings message.</summary>
internal static class ScheduleWords
{
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Describe(WorkSchedule schedule)
    {
        var routines = MovementCatalogue.Routines
            .Where(r => schedule.EnabledRoutines.Contains(r.Kind))
            .Select(r => r.Kind == RoutineKind.Every30Minutes ? $"a short set every {schedule.Cadence.TotalMinutes:0} min" : r.Name.ToLowerInvariant())
            .ToList();
        var sets = routines.Count == 0 ? "no routines switched on" : $"sets: {string.Join(", ", routines)}";
        // Meetings only matter when their set is on; a schedule without any reads as before.
        var meetings = schedule.Meetings.Count > 0 && schedule.EnabledRoutines.Contains(RoutineKind.PreMeeting)
            ? $"; meetings at {Domain.Messages.ScheduleFormValues.MeetingsLine(schedule.Meetings)} (a set {schedule.PreMeetingLead.TotalMinutes:0} min before each)"
            : string.Empty;
        return $"{Days(schedule.WorkDays)}, {Time(schedule.DayStart)}–{Time(schedule.DayEnd)} ({schedule.TimeZoneId}), "
            + $"lunch at {Time(schedule.LunchStart)} for {schedule.LunchDuration.TotalMinutes:0} min; {sets}{meetings}.";
    }

    public static string Days(IReadOnlySet<DayOfWeek> days)
    {
        var ordered = WeekOrder.Where(days.Contains).ToList();
        if (ordered.Count == 5 && !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday))
        {
            return "Monday to Friday";
        }

        return ordered.Count == 7 ? "every day" : string.Join(", ", ordered.Select(d => d.ToString()));
    }

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static IReadOnlyList<DayOfWeek> Week => WeekOrder;
}
