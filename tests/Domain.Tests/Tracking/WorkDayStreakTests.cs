using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class WorkDayStreakTests
{
    // Monday 3 March 2025; the calendar below is March 2025.
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static DateOnly Day(int offset) => Monday.AddDays(offset);

    private static WorkDayStreak Streak(IEnumerable<LogEntry> log, DateTimeOffset asOf, IReadOnlySet<DayOfWeek>? workDays = null) =>
        WorkDayStreak.Calculate(log, Berlin, workDays ?? MondayToFriday, asOf);

    [Fact]
    public void Calculate_DoneThursdayToTuesday_RunsAcrossTheWeekend()
    {
        // Thu 6, Fri 7, (weekend), Mon 10, Tue 11.
        var streak = Streak([DoneOn(Day(3)), DoneOn(Day(4)), DoneOn(Day(7)), DoneOn(Day(8))], At(Day(8), 20));

        Assert.Equal(new WorkDayStreak(4, 4), streak);
    }

    [Fact]
    public void Calculate_SetDoneOnTheWeekend_DoesNotExtendTheStreak()
    {
        // Fri 7 and Sat 8; as of Sunday.
        var streak = Streak([DoneOn(Day(4)), DoneOn(Day(5))], At(Day(6), 20));

        Assert.Equal(new WorkDayStreak(1, 1), streak);
    }

    [Fact]
    public void Calculate_DayOffBetweenDoneDays_NeitherBreaksNorExtends()
    {
        // A person working Mon, Tue and Thu: Wednesday is a day off, done anyway.
        var workDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday };

        var streak = Streak([DoneOn(Day(0)), DoneOn(Day(1)), DoneOn(Day(2)), DoneOn(Day(3))], At(Day(3), 20), workDays);

        Assert.Equal(new WorkDayStreak(3, 3), streak);
    }

    [Fact]
    public void Calculate_MissedWorkDay_BreaksTheStreak()
    {
        // Mon, Tue done; Wed missed; Thu done.
        var streak = Streak([DoneOn(Day(0)), DoneOn(Day(1)), DoneOn(Day(3))], At(Day(3), 20));

        Assert.Equal(new WorkDayStreak(1, 2), streak);
    }

    [Fact]
    public void Calculate_TodayNotYetDone_KeepsTheStreak()
    {
        // Mon, Tue done; Wednesday morning, nothing yet.
        var streak = Streak([DoneOn(Day(0)), DoneOn(Day(1))], At(Day(2), 10));

        Assert.Equal(new WorkDayStreak(2, 2), streak);
    }

    [Fact]
    public void Calculate_YesterdayNotDone_BreaksTheStreak()
    {
        // Mon, Tue done; Thursday morning, Wednesday missed.
        var streak = Streak([DoneOn(Day(0)), DoneOn(Day(1))], At(Day(3), 10));

        Assert.Equal(new WorkDayStreak(0, 2), streak);
    }

    [Fact]
    public void Calculate_LongerRunInAnEarlierWeek_IsTheBestStreak()
    {
        // Mon 17 – Mon 24 February (six work days), then a gap, then Thu 6 – Fri 7 March.
        LogEntry[] log =
        [
            DoneOn(Day(-14)), DoneOn(Day(-13)), DoneOn(Day(-12)), DoneOn(Day(-11)), DoneOn(Day(-10)), DoneOn(Day(-7)),
            DoneOn(Day(3)), DoneOn(Day(4)),
        ];

        var streak = Streak(log, At(Day(4), 20));

        Assert.Equal(new WorkDayStreak(2, 6), streak);
    }

    [Fact]
    public void Calculate_SeveralSetsOnOneDay_CountTheDayOnce()
    {
        var streak = Streak([DoneOn(Day(0), 9), DoneOn(Day(0), 12), DoneOn(Day(0), 16)], At(Day(0), 20));

        Assert.Equal(new WorkDayStreak(1, 1), streak);
    }

    [Fact]
    public void Calculate_EntriesAfterTheInstant_AreIgnored()
    {
        // As of Tuesday noon, the Tuesday afternoon and Wednesday sets have not happened yet.
        var streak = Streak([DoneOn(Day(0)), DoneOn(Day(1), 15), DoneOn(Day(2))], At(Day(1), 12));

        Assert.Equal(new WorkDayStreak(1, 1), streak);
    }

    [Fact]
    public void Calculate_NoEntries_IsZero() =>
        Assert.Equal(WorkDayStreak.None, Streak([], At(Day(0), 12)));

    [Fact]
    public void Calculate_NoWorkDays_IsZero() =>
        Assert.Equal(WorkDayStreak.None, Streak([DoneOn(Day(0)), DoneOn(Day(1))], At(Day(1), 20), new HashSet<DayOfWeek>()));

    [Fact]
    public void Calculate_LateEveningSet_CountsOnTheLocalDay()
    {
        // New York: Mon 23:30 local is Tue 04:30 UTC, Tue 23:30 local is Wed 04:30 UTC.
        LogEntry[] log =
        [
            new(new DateTimeOffset(2025, 3, 4, 4, 30, 0, TimeSpan.Zero), [MovementId.AnklePumps], null, null, null, null),
            new(new DateTimeOffset(2025, 3, 5, 4, 30, 0, TimeSpan.Zero), [MovementId.AnklePumps], null, null, null, null),
        ];

        // Wednesday evening in New York, nothing done on Wednesday yet: Mon and Tue stand.
        var streak = WorkDayStreak.Calculate(log, NewYork, MondayToFriday, At(Day(2), 20, 0, NewYork));

        Assert.Equal(new WorkDayStreak(2, 2), streak);
    }
}
