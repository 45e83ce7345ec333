using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>Days and weeks are the person's local ones, never UTC's nor the server's.</summary>
public sealed class TimeZoneTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static LogEntry DoneAtUtc(int day, int hour, int minute) =>
        Done(new DateTimeOffset(2025, 3, day, hour, minute, 0, TimeSpan.Zero), null, 3, 2, MovementId.AnklePumps);

    [Fact]
    public void Calculate_SetAt2330LocalWhichIsNextDayInUtc_CountsOnTheLocalDay()
    {
        // New York (UTC−5 in early March): Monday 23:30 local is Tuesday 04:30 UTC.
        var statistics = Calculate(Monday, [], [DoneAtUtc(4, 4, 30)], NewYork);

        Assert.Equal(1, statistics.Days[0].SetsDone);
        Assert.Equal(0, statistics.Days[1].SetsDone);
    }

    [Fact]
    public void Calculate_SetJustAfterMidnightLocalWhichIsPreviousDayInUtc_CountsOnTheLocalDay()
    {
        // Berlin (UTC+1): Tuesday 00:30 local is Monday 23:30 UTC.
        var statistics = Calculate(Monday, [], [DoneAtUtc(3, 23, 30)], Berlin);

        Assert.Equal(0, statistics.Days[0].SetsDone);
        Assert.Equal(1, statistics.Days[1].SetsDone);
    }

    [Fact]
    public void Calculate_SundayLateEveningLocal_BelongsToTheWeekItEnds()
    {
        // New York: Sunday 9 March 23:30 local (EDT, UTC−4 since that morning) is Monday 10 March 03:30 UTC.
        // Sunday 2 March 23:30 local (EST) is Monday 3 March 04:30 UTC: the previous week.
        LogEntry[] log = [DoneAtUtc(10, 3, 30), DoneAtUtc(3, 4, 30)];

        var statistics = Calculate(Monday, [], log, NewYork);

        Assert.Equal(1, statistics.SetsDone);
        Assert.Equal(1, statistics.Days[6].SetsDone);
    }

    [Fact]
    public void Calculate_PromptDueLateSundayLocal_IsPromptedInTheWeekItEnds()
    {
        // New York: a prompt due Sunday 2 March 23:00 local (Monday 04:00 UTC) belongs to the week before.
        PromptedSet[] prompts =
        [
            Prompt(new DateTimeOffset(2025, 3, 3, 4, 0, 0, TimeSpan.Zero), RoutineKind.EndOfDay),
            Prompt(At(Monday, 9, 0, NewYork), RoutineKind.StartOfDay),
        ];

        Assert.Equal(1, Calculate(Monday, prompts, [], NewYork).SetsPrompted);
    }

    [Fact]
    public void Calculate_WeekStartingOnSunday_UsesTheGivenFirstDay()
    {
        var sunday = new DateOnly(2025, 3, 2);

        var statistics = Calculate(sunday, [], [DoneOn(sunday), DoneOn(sunday.AddDays(6)), DoneOn(sunday.AddDays(7))]);

        Assert.Equal(2, statistics.SetsDone);
        Assert.Equal(sunday, statistics.Days[0].Date);
        Assert.Equal(new DateOnly(2025, 3, 8), statistics.LastDay);
    }
}
