using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>Builders for log entries and prompts at local times in a given time zone.</summary>
internal static class TrackingFixtures
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    /// <summary>A local wall-clock time in the zone (Berlin unless given), as an instant.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0, TimeZoneInfo? zone = null)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, (zone ?? Berlin).GetUtcOffset(local));
    }

    public static LogEntry Done(DateTimeOffset at, RoutineKind? routine, int? before, int? after, params MovementId[] movements) =>
        new(at, movements, Rating(before), Rating(after), null, routine);

    /// <summary>An unrated instant set of ankle pumps, enough to mark a day as done.</summary>
    public static LogEntry DoneOn(DateOnly day, int hour = 10) => Done(At(day, hour), null, null, null, MovementId.AnklePumps);

    public static PromptedSet Prompt(DateTimeOffset dueAt, RoutineKind routine, PromptStatus status = PromptStatus.Sent) =>
        new(dueAt, routine, status);

    public static WeeklyStatistics Calculate(
        DateOnly firstDay,
        IEnumerable<PromptedSet> prompted,
        IEnumerable<LogEntry> log,
        TimeZoneInfo? zone = null,
        DateTimeOffset? asOf = null) =>
        WeeklyStatisticsCalculator.Calculate(
            zone ?? Berlin,
            MondayToFriday,
            firstDay,
            prompted,
            log,
            asOf ?? At(firstDay.AddDays(6), 23, 59, zone));

    private static FatigueRating? Rating(int? value) => value is { } v ? FatigueRating.Create(v) : null;
}
