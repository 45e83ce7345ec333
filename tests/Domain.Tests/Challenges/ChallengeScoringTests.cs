using MicroMove.Domain.Challenges;
using static MicroMove.Domain.Tests.Challenges.ChallengeWorld;

namespace MicroMove.Domain.Tests.Challenges;

public sealed class ChallengeScoringTests
{
    [Fact]
    public void Score_CountsAtMostTheDailyGoalPerDay()
    {
        // Monday 7 sets, Tuesday 2: 3 + 2 points, Monday on goal.
        var score = ChallengeScoring.Score(Week(), Entrant("Ada", [.. Sets(0, 7), .. Sets(1, 2)]), At(1, 20, Berlin));

        Assert.Equal(5, score.Points);
        Assert.Equal(1, score.DaysOnGoal);
        Assert.Equal(2, score.ScoringDays);
    }

    [Fact]
    public void Score_ManySetsOnOneDay_LoseToRegularSetsOverTwoDays()
    {
        var burst = ChallengeScoring.Score(Week(), Entrant("Burst", Sets(0, 12)), At(1, 20, Berlin));
        var regular = ChallengeScoring.Score(Week(), Entrant("Regular", [.. Sets(0, 2), .. Sets(1, 2)]), At(1, 20, Berlin));

        Assert.Equal(3, burst.Points);
        Assert.Equal(4, regular.Points);
    }

    [Fact]
    public void Score_UsesTheParticipantsOwnLocalDate()
    {
        // 23:30 on Monday in New York is already Tuesday in UTC and Berlin; in New York it is Monday.
        var lateMonday = At(0, 23, NewYork, minute: 30);
        var sets = new[] { At(0, 10, NewYork), At(0, 15, NewYork), lateMonday };

        var inNewYork = ChallengeScoring.Score(Week(), Entrant("Grace", sets, NewYork), At(1, 20, NewYork));
        var sameSetsInBerlin = ChallengeScoring.Score(Week(), Entrant("Grace", sets, Berlin), At(1, 20, NewYork));

        Assert.Equal(1, inNewYork.DaysOnGoal);
        Assert.Equal(3, inNewYork.Points);
        Assert.Equal(0, sameSetsInBerlin.DaysOnGoal);
        Assert.Equal(3, sameSetsInBerlin.Points);
    }

    [Fact]
    public void Score_SetsOnADayOff_DoNotCount_AndTheDayOffDoesNotBreakTheStreak()
    {
        // Works Monday, Tuesday, Thursday and Friday; Wednesday (day 2) is off.
        var workDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var sets = Enumerable.Range(0, 4).SelectMany(day => Sets(day, 3));

        var score = ChallengeScoring.Score(Week(), Entrant("Linus", sets, workDays: workDays), At(3, 20, Berlin));

        Assert.Equal(9, score.Points);
        Assert.Equal(3, score.DaysOnGoal);
        Assert.Equal(3, score.Streak);
        Assert.Equal(3, score.ScoringDays);
    }

    [Fact]
    public void Score_SetsBeforeAndAfterTheChallenge_DoNotCount()
    {
        var sets = new[] { At(-3, 10, Berlin), At(7, 10, Berlin), At(2, 10, Berlin) };

        var score = ChallengeScoring.Score(Week(), Entrant("Ada", sets), At(9, 20, Berlin));

        Assert.Equal(1, score.Points);
        Assert.Equal(5, score.ScoringDays);
    }

    [Fact]
    public void Score_JoinedLate_CountsFromTheDayOfJoiningOnly_WholeDay()
    {
        // Sets every day; joined Wednesday at 16:00, after two of Wednesday's sets.
        var sets = Enumerable.Range(0, 5).SelectMany(day => Sets(day, 3));

        var score = ChallengeScoring.Score(Week(), Entrant("Grace", sets, joinedAt: At(2, 16, Berlin)), At(4, 20, Berlin));

        Assert.Equal(9, score.Points);
        Assert.Equal(3, score.DaysOnGoal);
        Assert.Equal(3, score.ScoringDays);
    }

    [Fact]
    public void Score_OnlyCountsWhatHappenedUpToAsOf()
    {
        var score = ChallengeScoring.Score(Week(), Entrant("Ada", Sets(0, 3)), At(0, 10, Berlin, minute: 45));

        Assert.Equal(2, score.Points);
        Assert.Equal(2, score.SetsToday);
        Assert.Equal(0, score.DaysOnGoal);
    }

    [Fact]
    public void Streak_TodayStillOpen_KeepsYesterdaysRun_AMissedDayBreaksIt()
    {
        var sets = Sets(0, 3).Concat(Sets(2, 3)).Concat(Sets(3, 3)).Concat(Sets(4, 1));

        var score = ChallengeScoring.Score(Week(), Entrant("Ada", sets), At(4, 12, Berlin));

        Assert.Equal(2, score.Streak);
        Assert.Equal(1, score.SetsToday);
        Assert.Equal(3, score.DaysOnGoal);
    }

    [Fact]
    public void ReachedAt_IsTheLastCountedSet_NotLaterExtraSets()
    {
        var sets = Sets(0, 5).ToList();

        var score = ChallengeScoring.Score(Week(), Entrant("Ada", sets), At(0, 20, Berlin));

        Assert.Equal(sets[2], score.ReachedAt);
    }
}
