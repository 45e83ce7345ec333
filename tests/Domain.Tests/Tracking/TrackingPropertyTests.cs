using FsCheck.Xunit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class TrackingPropertyTests
{
    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 300)]
    public void Advise_AnyWeek_GivesOneToThreeDistinctAdvicesInPriorityOrder(TrackingScenario scenario)
    {
        var advices = AdjustmentAdvisor.Advise(scenario.Calculate());

        Assert.InRange(advices.Count, 1, AdjustmentAdvisor.MaximumAdvices);
        Assert.All(advices, advice => Assert.False(string.IsNullOrWhiteSpace(advice.Text)));
        // Kinds are declared in priority order: strictly increasing means distinct and most important first.
        Assert.Equal(advices.Select(a => a.Kind).Distinct().Order(), advices.Select(a => a.Kind));
        Assert.True(advices.Count == 1 || advices.All(a => a.Kind != AdviceKind.Encouragement));
    }

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 300)]
    public void Calculate_AnyWeek_CompletionIsARateOfPromptedSetsOnly(TrackingScenario scenario)
    {
        var statistics = scenario.Calculate();

        Assert.Equal(statistics.SetsPrompted == 0, statistics.CompletionRate is null);
        if (statistics.CompletionRate is { } rate)
        {
            Assert.InRange(rate, 0.0, 1.0);
        }

        Assert.InRange(statistics.PromptedSetsDone, 0, statistics.SetsPrompted);
        Assert.InRange(statistics.InstantSetsDone, 0, statistics.SetsDone);
        Assert.True(statistics.PromptedSetsDone <= statistics.SetsDone - statistics.InstantSetsDone);
    }

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 300)]
    public void Calculate_AnyWeek_FatigueFiguresStayOnTheScale(TrackingScenario scenario)
    {
        var statistics = scenario.Calculate();

        AssertOnScale(statistics.AverageFatigueBefore);
        AssertOnScale(statistics.AverageFatigueAfter);
        if (statistics.AverageFatigueChange is { } change)
        {
            Assert.InRange(change, -4.0, 4.0);
        }

        Assert.All(statistics.Days, day =>
        {
            AssertOnScale(day.AverageFatigueBefore);
            AssertOnScale(day.AverageFatigueAfter);
        });
        if (statistics.TightestRegion is { } tightest)
        {
            AssertOnScale(tightest.AverageFatigueAfter);
            Assert.True(tightest.RatedSets >= RegionTightness.MinimumRatedSets);
            Assert.Equal(tightest.PreviousAverageFatigueAfter is null, tightest.Trend == TightnessTrend.New);
        }
    }

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 300)]
    public void Calculate_AnyWeek_CountsAddUp(TrackingScenario scenario)
    {
        var statistics = scenario.Calculate();
        var regionTotal = statistics.SetsPerRegion.Values.Sum();
        var regionCount = Enum.GetValues<BodyRegion>().Length;

        // Every generated set has at least one movement and at most one count per region.
        Assert.InRange(regionTotal, statistics.SetsDone, regionCount * statistics.SetsDone);
        Assert.All(statistics.SetsPerRegion.Values, count => Assert.InRange(count, 0, statistics.SetsDone));
        Assert.Equal(WeeklyStatisticsCalculator.DaysInWeek, statistics.Days.Count);
        Assert.Equal(statistics.SetsDone, statistics.Days.Sum(day => day.SetsDone));
        Assert.All(Enum.GetValues<BodyRegion>(), region =>
            Assert.Equal(statistics.SetsPerRegion[region], statistics.Days.Sum(day => day.SetsPerRegion[region])));
        Assert.All(statistics.Movements, figures =>
        {
            Assert.InRange(figures.SetsDone, 1, statistics.SetsDone);
            Assert.InRange(figures.RatedSets, 0, figures.SetsDone);
        });
    }

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 300)]
    public void Calculate_AnyHistory_CurrentStreakIsAtMostTheBest(TrackingScenario scenario)
    {
        var statistics = scenario.Calculate();

        Assert.InRange(statistics.CurrentStreak, 0, statistics.BestStreak);
        if (scenario.WorkDays.Count == 0)
        {
            Assert.Equal(0, statistics.BestStreak);
        }
    }

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 200)]
    public void Calculate_InputInAnotherOrder_GivesTheSameFiguresAndAdvice(TrackingScenario scenario)
    {
        var reversed = scenario with { Prompts = [.. scenario.Prompts.Reverse()], Log = [.. scenario.Log.Reverse()] };

        var first = scenario.Calculate();
        var second = reversed.Calculate();

        Assert.Equal(first.Completion, second.Completion);
        Assert.Equal(first.Streak, second.Streak);
        Assert.Equal(first.TightestRegion, second.TightestRegion);
        Assert.Equal(first.Movements, second.Movements);
        Assert.Equal(first.SetsPerRegion, second.SetsPerRegion);
        Assert.Equal(
            AdjustmentAdvisor.Advise(first).Select(a => (a.Kind, a.Text)),
            AdjustmentAdvisor.Advise(second).Select(a => (a.Kind, a.Text)));
    }

    private static void AssertOnScale(double? average)
    {
        if (average is { } value)
        {
            Assert.InRange(value, FatigueRating.Lowest, FatigueRating.Highest);
        }
    }
}
