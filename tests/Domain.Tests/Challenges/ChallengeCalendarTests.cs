using MicroMove.Domain.Challenges;
using static MicroMove.Domain.Tests.Challenges.ChallengeWorld;

namespace MicroMove.Domain.Tests.Challenges;

public sealed class ChallengeCalendarTests
{
    [Fact]
    public void WorkDaysFrom_Wednesday_FiveDays_SkipsTheWeekend()
    {
        var days = ChallengeCalendar.WorkDaysFrom(Monday.AddDays(2), 5, MondayToFriday);

        Assert.Equal([Monday.AddDays(2), Monday.AddDays(3), Monday.AddDays(4), Monday.AddDays(7), Monday.AddDays(8)], days);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void WorkDaysFrom_OutOfRange_Throws(int count) =>
        Assert.Throws<DomainException>(() => ChallengeCalendar.WorkDaysFrom(Monday, count, MondayToFriday));

    [Fact]
    public void FirstWorkDayFrom_Saturday_IsMonday() =>
        Assert.Equal(Monday.AddDays(7), ChallengeCalendar.FirstWorkDayFrom(Monday.AddDays(5), MondayToFriday));

    [Fact]
    public void NextUpdateAfter_WalksTheDaysAtTheUpdateTime_TheLastIsFinal()
    {
        var week = Week();
        var time = new TimeOnly(17, 30);

        var first = ChallengeCalendar.NextUpdateAfter(week, time, Berlin, At(0, 9, Berlin));
        var afterThursday = ChallengeCalendar.NextUpdateAfter(week, time, Berlin, At(3, 17, Berlin, minute: 30));
        var afterLast = ChallengeCalendar.NextUpdateAfter(week, time, Berlin, At(4, 17, Berlin, minute: 30));

        Assert.Equal(new ChallengeUpdate(Monday, 1, At(0, 17, Berlin, minute: 30), IsFinal: false), first);
        Assert.Equal(new ChallengeUpdate(Monday.AddDays(4), 5, At(4, 17, Berlin, minute: 30), IsFinal: true), afterThursday);
        Assert.Null(afterLast);
    }

    [Fact]
    public void NextUpdateAfter_AcrossTheSpringForwardNight_StaysAtLocalEndOfDay()
    {
        // Berlin moves its clocks on Sunday 29 March 2026: updates before and after stay at 17:30 local.
        var days = ChallengeCalendar.WorkDaysFrom(new DateOnly(2026, 3, 27), 2, MondayToFriday);
        var challenge = new Challenge("DST", days, 3);

        var friday = ChallengeCalendar.NextUpdateAfter(challenge, new TimeOnly(17, 30), Berlin, new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero));
        var monday = ChallengeCalendar.NextUpdateAfter(challenge, new TimeOnly(17, 30), Berlin, friday!.DueAt);

        Assert.Equal(new DateTimeOffset(2026, 3, 27, 16, 30, 0, TimeSpan.Zero), friday.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 15, 30, 0, TimeSpan.Zero), monday!.DueAt);
    }

    [Fact]
    public void Progress_BeforeDuringOnADayOffAndAfter()
    {
        var days = ChallengeCalendar.WorkDaysFrom(Monday.AddDays(3), 3, MondayToFriday); // Thu, Fri, Mon
        var challenge = new Challenge("Short", days, 2);

        Assert.Equal(new ChallengeProgress(ChallengeStage.NotStarted, 0, 3), ChallengeCalendar.Progress(challenge, Berlin, At(2, 12, Berlin), ended: false));
        Assert.Equal(new ChallengeProgress(ChallengeStage.Running, 1, 3), ChallengeCalendar.Progress(challenge, Berlin, At(3, 12, Berlin), ended: false));
        Assert.Equal(new ChallengeProgress(ChallengeStage.Running, 2, 1), ChallengeCalendar.Progress(challenge, Berlin, At(5, 12, Berlin), ended: false));
        Assert.Equal(new ChallengeProgress(ChallengeStage.Running, 3, 1), ChallengeCalendar.Progress(challenge, Berlin, At(7, 12, Berlin), ended: false));
        Assert.Equal(ChallengeStage.Finished, ChallengeCalendar.Progress(challenge, Berlin, At(8, 12, Berlin), ended: false).Stage);
        Assert.Equal(ChallengeStage.Finished, ChallengeCalendar.Progress(challenge, Berlin, At(3, 12, Berlin), ended: true).Stage);
    }

    [Fact]
    public void Challenge_RejectsAGoalOutOfRange_AndDaysOutOfOrder()
    {
        Assert.Throws<DomainException>(() => new Challenge("x", [Monday], 17));
        Assert.Throws<DomainException>(() => new Challenge("x", [Monday, Monday], 3));
        Assert.Throws<DomainException>(() => new Challenge("x", [], 3));
    }
}
