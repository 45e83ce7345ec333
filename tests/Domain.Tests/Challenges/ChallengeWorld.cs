using MicroMove.Domain.Challenges;

namespace MicroMove.Domain.Tests.Challenges;

/// <summary>A challenge Monday 2 March – Friday 6 March 2026 (goal 3) and people to score in it.</summary>
internal static class ChallengeWorld
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly TimeZoneInfo Kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");

    public static Challenge Week(int goal = 3) =>
        new("Move more week", ChallengeCalendar.WorkDaysFrom(Monday, 5, MondayToFriday), goal);

    /// <summary>Local wall time <paramref name="hour"/>:<paramref name="minute"/> on day <paramref name="day"/> (0 = Monday) in <paramref name="zone"/>.</summary>
    public static DateTimeOffset At(int day, int hour, TimeZoneInfo zone, int minute = 0) =>
        ChallengeCalendar.At(Monday.AddDays(day), new TimeOnly(hour, minute), zone);

    public static Entrant Entrant(
        string name,
        IEnumerable<DateTimeOffset> sets,
        TimeZoneInfo? zone = null,
        DateTimeOffset? joinedAt = null,
        IReadOnlySet<DayOfWeek>? workDays = null) =>
        new(name.ToLowerInvariant(), name, joinedAt ?? At(0, 8, zone ?? Berlin), zone ?? Berlin, workDays ?? MondayToFriday, [.. sets]);

    /// <summary><paramref name="count"/> sets on day <paramref name="day"/>, from 10:00 local, 30 minutes apart.</summary>
    public static IEnumerable<DateTimeOffset> Sets(int day, int count, TimeZoneInfo? zone = null) =>
        Enumerable.Range(0, count).Select(i => At(day, 10, zone ?? Berlin).AddMinutes(30 * i));
}
