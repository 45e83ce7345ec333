using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Teams;

/// <summary>What MicroMove says when it is installed: the welcome in a personal chat, the hello in a team or group chat.</summary>
internal static class TeamsWelcome
{
    public const string TimeZoneQuestion = "I don't know your time zone yet, so times are in UTC for now. Tell me your time zone with `schedule`.";

    /// <summary>The personal welcome: the schedule in words, how to change it, and (when Teams sent none) a time zone question.</summary>
    public static NoticeMessage For(WorkSchedule schedule, bool timeZoneKnown)
    {
        var paragraphs = new List<string>
        {
            "👋 Welcome to MicroMove! I'll send you short seated movement sets through your workday — each takes a minute or two at your desk.",
            $"Your schedule: {Describe(schedule)}",
            "Change it with `schedule`, take a break with `pause` (e.g. `pause 2h`) and come back with `resume`. `now` gives you a set any time, `help` lists everything.",
        };
        if (!timeZoneKnown)
        {
            paragraphs.Add(TimeZoneQuestion);
        }

        paragraphs.Add("Here's a first set to try right now:");
        return new NoticeMessage(string.Join("\n\n", paragraphs));
    }

    /// <summary>The short hello in a team channel or group chat.</summary>
    public static NoticeMessage Hello() => new(
        "👋 Hi, I'm MicroMove: short seated movement breaks for desk workers. Mention me with `now` for a quick set here, or `help` for more. "
        + "For your own reminders through the day, open a personal chat with me.");

    /// <summary>"Monday–Friday, 09:00–17:30 (Europe/Berlin), lunch 12:30–13:15: a set to start the day, …".</summary>
    public static string Describe(WorkSchedule schedule)
    {
        var days = Days(schedule.WorkDays);
        var routines = new List<string>();
        foreach (var routine in Enum.GetValues<RoutineKind>().Where(schedule.EnabledRoutines.Contains))
        {
            routines.Add(routine switch
            {
                RoutineKind.Every30Minutes => $"a short one every {Minutes(schedule.Cadence)}",
                _ => MovementCatalogue.Get(routine).Name.ToLowerInvariant(),
            });
        }

        var what = routines.Count == 0 ? "no routines switched on" : $"sets for {string.Join(", ", routines)}";
        return $"{days}, {Time(schedule.DayStart)}–{Time(schedule.DayEnd)} ({schedule.TimeZoneId}), lunch {Time(schedule.LunchStart)}–{Time(schedule.LunchEnd)}; {what}.";
    }

    private static string Days(IReadOnlySet<DayOfWeek> days)
    {
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var ordered = week.Where(days.Contains).ToList();
        if (ordered.Count == 5 && !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday))
        {
            return "Monday–Friday";
        }

        return ordered.Count == 7 ? "every day" : string.Join(", ", ordered.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d)));
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => $"{((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes";
}
