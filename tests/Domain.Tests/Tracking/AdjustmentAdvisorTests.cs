using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class AdjustmentAdvisorTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static Dictionary<BodyRegion, int> Regions(int upper, int lower, int spine) => new()
    {
        [BodyRegion.UpperBody] = upper,
        [BodyRegion.LowerBody] = lower,
        [BodyRegion.Spine] = spine,
    };

    /// <summary>A good week: 8 of 10 done, fatigue −1, legs every day, nothing tight or effortless.</summary>
    private static WeeklyStatistics GoodWeek() => new(
        Monday,
        new Completion(10, 8),
        SetsDone: 8,
        InstantSetsDone: 0,
        new WorkDayStreak(4, 6),
        AverageFatigueBefore: 3.0,
        AverageFatigueAfter: 2.0,
        AverageFatigueChange: -1.0,
        Regions(4, 8, 4),
        TightestRegion: null,
        Movements: [new MovementFigures(MovementId.AnklePumps, 8, 8, 2.0, 3)],
        Days: [.. Enumerable.Range(0, 7).Select(i => new DailyFigures(Monday.AddDays(i), i < 5, i < 4 ? 2 : 0, 3.0, 2.0, Regions(1, i < 4 ? 2 : 0, 1)))]);

    private static WeeklyStatistics WithDay(WeeklyStatistics statistics, int index, int sets, int lower) =>
        statistics with
        {
            Days = [.. statistics.Days.Select((day, i) => i == index ? day with { SetsDone = sets, SetsPerRegion = Regions(sets, lower, 0) } : day)],
        };

    [Fact]
    public void Advise_GoodWeek_GivesOneEncouragement()
    {
        var advice = Assert.Single(AdjustmentAdvisor.Advise(GoodWeek()));

        Assert.Equal(AdviceKind.Encouragement, advice.Kind);
        Assert.Equal("Good week: 8 sets done, fatigue down 1 after each set on average and a 4-work-day streak. Keep it up!", advice.Text);
    }

    [Fact]
    public void Advise_EmptyWeekWithNothingPrompted_EncouragesAFreshStart()
    {
        var empty = GoodWeek() with
        {
            Completion = Completion.None,
            SetsDone = 0,
            AverageFatigueBefore = null,
            AverageFatigueAfter = null,
            AverageFatigueChange = null,
            Movements = [],
        };

        var advice = Assert.Single(AdjustmentAdvisor.Advise(empty));

        Assert.Equal(AdviceKind.Encouragement, advice.Kind);
        Assert.StartsWith("A fresh week ahead", advice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_LessThanHalfThePromptsDone_SuggestsOtherSlotsOrPausing()
    {
        var advice = Assert.Single(AdjustmentAdvisor.Advise(GoodWeek() with { Completion = new Completion(10, 4) }));

        Assert.Equal(AdviceKind.LowCompletion, advice.Kind);
        Assert.Equal(
            "You did 4 of 10 prompted sets (40%). Fewer or different time slots may fit your day better, "
            + "or pause the prompts while you're in meetings.",
            advice.Text);
    }

    [Fact]
    public void Advise_ExactlyHalfThePromptsDone_IsNotLowCompletion() =>
        Assert.DoesNotContain(
            AdjustmentAdvisor.Advise(GoodWeek() with { Completion = new Completion(10, 5) }),
            advice => advice.Kind == AdviceKind.LowCompletion);

    [Fact]
    public void Advise_HipsStayTight_AddsTheLegMovementsToMoreSets()
    {
        var tight = GoodWeek() with { TightestRegion = new RegionTightness(BodyRegion.LowerBody, 3.5, 4, 3.4, TightnessTrend.Steady) };

        var advice = Assert.Single(AdjustmentAdvisor.Advise(tight));

        Assert.Equal(AdviceKind.RegionStaysTight, advice.Kind);
        Assert.Equal(
            "Your legs and hips stay tight (fatigue 3.5 after sets on average): "
            + "we'll add ankle pumps, seated hip flexor twists and knee extensions with isometric hold to more sets.",
            advice.Text);
        Assert.Equal(
            [MovementId.AnklePumps, MovementId.SeatedHipFlexorTwists, MovementId.KneeExtensionsWithIsometricHold],
            advice.Movements);
    }

    [Theory]
    [InlineData(3.4, TightnessTrend.Worsening)]
    [InlineData(4.0, TightnessTrend.Improving)]
    public void Advise_TightestRegionMildOrImproving_GivesNoTightnessAdvice(double averageAfter, TightnessTrend trend)
    {
        var statistics = GoodWeek() with { TightestRegion = new RegionTightness(BodyRegion.UpperBody, averageAfter, 3, 3.0, trend) };

        Assert.DoesNotContain(AdjustmentAdvisor.Advise(statistics), advice => advice.Kind == AdviceKind.RegionStaysTight);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Advise_FatigueNotGoingDown_RecallsNeutralBaselineAndBreath(double change)
    {
        var advice = Assert.Single(AdjustmentAdvisor.Advise(GoodWeek() with { AverageFatigueChange = change }));

        Assert.Equal(AdviceKind.FatigueNotImproving, advice.Kind);
        Assert.Contains(MovementCatalogue.Get(PrincipleId.NeutralBaseline).Guidance, advice.Text, StringComparison.Ordinal);
        Assert.Contains(MovementCatalogue.Get(PrincipleId.BreathIntegration).Guidance, advice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_FatigueGoingDownSlightly_GivesNoFatigueAdvice() =>
        Assert.DoesNotContain(
            AdjustmentAdvisor.Advise(GoodWeek() with { AverageFatigueChange = -0.1 }),
            advice => advice.Kind == AdviceKind.FatigueNotImproving);

    [Fact]
    public void Advise_DayOfTwoSetsWithoutLegs_AsksForALegMovementEveryHour()
    {
        // Tuesday (index 1): 2 sets, none with a leg movement.
        var advice = Assert.Single(AdjustmentAdvisor.Advise(WithDay(GoodWeek(), 1, sets: 2, lower: 0)));

        Assert.Equal(AdviceKind.NoLowerBodyWork, advice.Kind);
        Assert.Equal(
            "On Tuesday your sets had no leg movement. Include at least one leg-focused micro-movement per hour, "
            + "such as ankle pumps, seated hip flexor twists or knee extensions with isometric hold.",
            advice.Text);
    }

    [Fact]
    public void Advise_SingleSetWithoutLegs_IsNotFlagged() =>
        Assert.Equal(AdviceKind.Encouragement, Assert.Single(AdjustmentAdvisor.Advise(WithDay(GoodWeek(), 1, sets: 1, lower: 0))).Kind);

    [Fact]
    public void Advise_SeveralDaysWithoutLegs_NamesThemInOneAdvice()
    {
        var statistics = WithDay(WithDay(GoodWeek(), 0, sets: 3, lower: 0), 3, sets: 2, lower: 0);

        var advice = Assert.Single(AdjustmentAdvisor.Advise(statistics));

        Assert.StartsWith("On Monday and Thursday your sets had no leg movement.", advice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_MovementFeelsEffortless_ReducesItsRepsForTheLeastWorkedRegion()
    {
        // Ankle pumps: 3 rated sets, all at 1. Regions outside the legs: upper 4, spine 4 → the first, upper body.
        var statistics = GoodWeek() with { Movements = [new MovementFigures(MovementId.AnklePumps, 3, 3, 1.0, 1)] };

        var advice = Assert.Single(AdjustmentAdvisor.Advise(statistics));

        Assert.Equal(AdviceKind.EffortlessMovement, advice.Kind);
        Assert.Equal(
            "Effortless for you now: ankle pumps, every set you rated ended at fatigue 1. "
            + "We'll reduce the repetitions and give the time to your shoulders and neck.",
            advice.Text);
        Assert.Equal([MovementId.AnklePumps], advice.Movements);
    }

    [Fact]
    public void Advise_MovementEffortlessAndAnotherRegionTight_GivesTheTimeToTheTightRegion()
    {
        var statistics = GoodWeek() with
        {
            Movements = [new MovementFigures(MovementId.ArmWindmills, 4, 4, 1.0, 1)],
            TightestRegion = new RegionTightness(BodyRegion.Spine, 2.5, 3, null, TightnessTrend.New),
        };

        var advice = Assert.Single(AdjustmentAdvisor.Advise(statistics));

        Assert.EndsWith("give the time to your back.", advice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_EffortlessMovementsInEveryRegion_GivesTheTimeToOtherMovements()
    {
        var statistics = GoodWeek() with
        {
            Movements =
            [
                new MovementFigures(MovementId.ArmWindmills, 3, 3, 1.0, 1),
                new MovementFigures(MovementId.AnklePumps, 3, 3, 1.0, 1),
                new MovementFigures(MovementId.SeatedCatCow, 3, 3, 1.0, 1),
            ],
        };

        var advice = Assert.Single(AdjustmentAdvisor.Advise(statistics));

        Assert.Equal(
            "Effortless for you now: arm wind-mills, ankle pumps and seated cat-cow, every set you rated ended at fatigue 1. "
            + "We'll reduce the repetitions and give the time to other movements.",
            advice.Text);
    }

    [Fact]
    public void Advise_BackTighterThanLastWeekFromTheLog_AddsSpineMovements()
    {
        // Cat-cow rated after 3 last Monday; 4 and 4 this Monday and Tuesday: 4.0, +1.0, worsening.
        // One set a day, so no day lacks leg work by the hourly rule.
        LogEntry[] log =
        [
            Done(At(Monday.AddDays(-7), 10), null, 3, 3, MovementId.SeatedCatCow),
            Done(At(Monday, 10), null, 5, 4, MovementId.SeatedCatCow),
            Done(At(Monday.AddDays(1), 10), null, 5, 4, MovementId.SeatedCatCow),
        ];

        var advice = Assert.Single(AdjustmentAdvisor.Advise(Calculate(Monday, [], log)));

        Assert.Equal(
            "Your back stays tight (fatigue 4 after sets on average): we'll add seated cat-cow and lateral flexion slides to more sets.",
            advice.Text);
    }

    [Fact]
    public void Advise_EveryRuleApplies_GivesTheThreeMostImportant()
    {
        var statistics = WithDay(GoodWeek(), 1, sets: 2, lower: 0) with
        {
            Completion = new Completion(10, 2),
            TightestRegion = new RegionTightness(BodyRegion.UpperBody, 4.0, 3, 3.0, TightnessTrend.Worsening),
            AverageFatigueChange = 0.5,
            Movements = [new MovementFigures(MovementId.AnklePumps, 3, 3, 1.0, 1)],
        };

        var advices = AdjustmentAdvisor.Advise(statistics);

        Assert.Equal(
            [AdviceKind.LowCompletion, AdviceKind.RegionStaysTight, AdviceKind.FatigueNotImproving],
            advices.Select(advice => advice.Kind));
    }

    [Fact]
    public void Advise_TwoRulesApply_GivesBothMostImportantFirst()
    {
        var statistics = WithDay(GoodWeek(), 1, sets: 2, lower: 0) with
        {
            Movements = [new MovementFigures(MovementId.SeatedCatCow, 3, 3, 1.0, 1)],
        };

        Assert.Equal(
            [AdviceKind.NoLowerBodyWork, AdviceKind.EffortlessMovement],
            AdjustmentAdvisor.Advise(statistics).Select(advice => advice.Kind));
    }

    [Fact]
    public void Advise_SameStatisticsTwice_GivesTheSameAdvice()
    {
        var statistics = GoodWeek() with { Completion = new Completion(10, 1), AverageFatigueChange = 0.0 };

        Assert.Equal(
            AdjustmentAdvisor.Advise(statistics).Select(advice => (advice.Kind, advice.Text)),
            AdjustmentAdvisor.Advise(statistics).Select(advice => (advice.Kind, advice.Text)));
    }
}
