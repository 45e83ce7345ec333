using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using static MicroMove.Domain.Catalogue.MovementId;
using static MicroMove.Domain.Tests.Rotation.RotationTestData;

namespace MicroMove.Domain.Tests.Rotation;

public sealed class RotationPlannerRoutineTests
{
    [Fact]
    public void StartOfDay_EmptyHistory_OffersTheArticlesSuggestionAtFullReps()
    {
        var set = Plan(RoutineKind.StartOfDay, At(9), RotationHistory.Empty);

        Assert.Equal([ScapularRetractionPulses, NeckFlexionExtensionWaves, ArmWindmills, AnklePumps], set.Ids());
        Assert.All(set.Movements, m => Assert.Equal(m.Movement.Reps.Max, m.Reps));
        Assert.Empty(set.Reasons);
        Assert.Equal(RoutineKind.StartOfDay, set.Routine);
    }

    [Theory]
    [InlineData(RoutineKind.PreMeeting, new[] { NeckFlexionExtensionWaves, LateralFlexionSlides })]
    [InlineData(RoutineKind.AfterLunch, new[] { SeatedHipFlexorTwists, ArmWindmills })]
    public void SuggestedParts_LegWithinTheHour_UsesTheSuggestedMovements(RoutineKind routine, MovementId[] expected)
    {
        var history = History(Offered(At(10), AnklePumps));

        var set = Plan(routine, At(10, 30), history);

        Assert.Equal(expected, set.Ids());
    }

    [Fact]
    public void Every30Minutes_EmptyHistory_PicksALowerBodyMovementInCatalogueOrderThenCatCow()
    {
        var set = Plan(RoutineKind.Every30Minutes, At(9, 30), RotationHistory.Empty);

        Assert.Equal([AnklePumps, SeatedCatCow], set.Ids());
    }

    [Fact]
    public void Every30Minutes_AnklePumpsOfferedToday_PicksALowerBodyMovementNotYetOfferedToday()
    {
        var history = History(Offered(At(9), AnklePumps));

        var set = Plan(RoutineKind.Every30Minutes, At(9, 30), history);

        Assert.Equal(SeatedHipFlexorTwists, set.Ids()[0]);
        Assert.Contains(set.Reasons, r => r.Rule == RotationRule.FullMenuDaily && r.Text == "Picked seated hip flexor twists: not done yet today");
    }

    [Fact]
    public void Every30Minutes_AllLowerBodyOfferedToday_PicksTheLeastRecentlyOffered()
    {
        var history = History(
            Offered(At(9), KneeExtensionsWithIsometricHold),
            Offered(At(9, 10), AnklePumps),
            Offered(At(9, 20), SeatedHipFlexorTwists));

        var set = Plan(RoutineKind.Every30Minutes, At(9, 30), history);

        Assert.Equal(KneeExtensionsWithIsometricHold, set.Ids()[0]);
    }

    [Fact]
    public void Every30Minutes_TiesInRecency_BrokenByLogThenCatalogueOrder()
    {
        // Nothing offered today; the log says ankle pumps were done yesterday, so the others (never done) come first.
        var history = new RotationHistory([], [Rated(At(15, 0, -1), null, null, AnklePumps)]);

        var set = Plan(RoutineKind.Every30Minutes, At(9, 30), history);

        Assert.Equal(SeatedHipFlexorTwists, set.Ids()[0]);
    }

    [Fact]
    public void Every30Minutes_CatCowInEachOfTheLastTwoSets_SwapsItForLateralFlexionSlides()
    {
        var history = History(
            Offered(At(9, 30), AnklePumps, SeatedCatCow),
            Offered(At(10), SeatedHipFlexorTwists, SeatedCatCow));

        var set = Plan(RoutineKind.Every30Minutes, At(10, 30), history);

        Assert.Contains(LateralFlexionSlides, set.Ids());
        Assert.DoesNotContain(SeatedCatCow, set.Ids());
        var reason = Assert.Single(set.Reasons, r => r.Rule == RotationRule.NoThirdInARow);
        Assert.Equal("Swapped seated cat-cow for lateral flexion slides: seated cat-cow was in your last two sets", reason.Text);
        Assert.Equal(PrincipleId.RepetitionWithVariation, reason.Principle);
        Assert.Equal(MistakeId.OverRepeatingOneMovement, set.Tip.Id);
    }

    [Fact]
    public void Every30Minutes_CatCowInOnlyOneOfTheLastTwoSets_KeepsCatCow()
    {
        var history = History(
            Offered(At(9, 30), AnklePumps, SeatedCatCow),
            Offered(At(10), SeatedHipFlexorTwists, LateralFlexionSlides));

        var set = Plan(RoutineKind.Every30Minutes, At(10, 30), history);

        Assert.Contains(SeatedCatCow, set.Ids());
    }

    [Fact]
    public void Every30Minutes_CatCowInTheLastTwoSetsOfYesterday_KeepsCatCow()
    {
        var history = History(
            Offered(At(16, 30, -1), AnklePumps, SeatedCatCow),
            Offered(At(17, 0, -1), SeatedHipFlexorTwists, SeatedCatCow));

        var set = Plan(RoutineKind.Every30Minutes, At(9, 30), history);

        Assert.Contains(SeatedCatCow, set.Ids());
    }

    [Fact]
    public void Every30Minutes_BothSpineMovementsInTheLastTwoSets_ChoosesAComplementaryMovementElsewhere()
    {
        var history = History(
            Offered(At(9, 30), AnklePumps, SeatedCatCow, LateralFlexionSlides),
            Offered(At(10), SeatedHipFlexorTwists, SeatedCatCow, LateralFlexionSlides));

        var set = Plan(RoutineKind.Every30Minutes, At(10, 30), history);

        Assert.DoesNotContain(SeatedCatCow, set.Ids());
        Assert.DoesNotContain(LateralFlexionSlides, set.Ids());
        Assert.Equal(2, set.Movements.Count);
    }

    [Fact]
    public void Every30Minutes_ThreeSetsRunning_CatCowTwiceThenSlides()
    {
        var history = RotationHistory.Empty;
        var spine = new List<MovementId>();
        foreach (var at in new[] { At(9, 30), At(10), At(10, 30), At(11), At(11, 30), At(12) })
        {
            var set = Plan(RoutineKind.Every30Minutes, at, history);
            spine.Add(set.Ids().Single(id => MovementCatalogue.Get(id).Region == BodyRegion.Spine));
            history = history.With(set.ToPastSet());
        }

        Assert.Equal([SeatedCatCow, SeatedCatCow, LateralFlexionSlides, SeatedCatCow, SeatedCatCow, LateralFlexionSlides], spine);
    }

    [Fact]
    public void EndOfDay_NothingOfferedToday_CoversAllRegionsAndCapsTheCircuit()
    {
        var set = Plan(RoutineKind.EndOfDay, At(17, 20), RotationHistory.Empty);

        Assert.Equal(RotationPlanner.MaxCircuitMovements, set.Movements.Count);
        Assert.All(Enum.GetValues<BodyRegion>(), region => Assert.Contains(set.Movements, m => m.Movement.Region == region));
        var reason = Assert.Single(set.Reasons, r => r.Rule == RotationRule.FullMenuDaily);
        Assert.EndsWith("not done yet today (2 more another day)", reason.Text);
    }

    [Fact]
    public void EndOfDay_TwoMovementsNotYetOfferedToday_IncludesBoth()
    {
        var history = History(
            Offered(At(9), ScapularRetractionPulses, NeckFlexionExtensionWaves, ArmWindmills, AnklePumps),
            Offered(At(9, 30), SeatedHipFlexorTwists, SeatedCatCow));

        var set = Plan(RoutineKind.EndOfDay, At(17, 20), history);

        Assert.Contains(KneeExtensionsWithIsometricHold, set.Ids());
        Assert.Contains(LateralFlexionSlides, set.Ids());
        Assert.Equal(3, set.Movements.Count);
    }

    [Fact]
    public void PreMeeting_NoLegMovementInTheLastHour_AddsTheLeastRecentlyDoneLowerBodyMovement()
    {
        var history = History(
            Offered(At(9), AnklePumps),
            Offered(At(9, 20), SeatedHipFlexorTwists),
            Offered(At(9, 40), KneeExtensionsWithIsometricHold));

        var set = Plan(RoutineKind.PreMeeting, At(10, 45), history);

        Assert.Equal([NeckFlexionExtensionWaves, LateralFlexionSlides, AnklePumps], set.Ids());
        var reason = Assert.Single(set.Reasons);
        Assert.Equal(RotationRule.LegEveryHour, reason.Rule);
        Assert.Equal("Added ankle pumps: no leg movement in the last hour", reason.Text);
        Assert.Equal(MistakeId.NeglectingLowerBody, set.Tip.Id);
    }

    [Fact]
    public void PreMeeting_LegMovementExactlyAnHourBefore_AddsNoLegMovement()
    {
        var history = History(Offered(At(9, 45), KneeExtensionsWithIsometricHold));

        var set = Plan(RoutineKind.PreMeeting, At(10, 45), history);

        Assert.Equal([NeckFlexionExtensionWaves, LateralFlexionSlides], set.Ids());
    }

    [Fact]
    public void PreMeeting_EmptyHistory_AddsALegMovement()
    {
        var set = Plan(RoutineKind.PreMeeting, At(9), RotationHistory.Empty);

        Assert.Contains(set.Movements, m => m.Movement.IsLegFocused);
    }

    [Fact]
    public void Tip_NothingToCorrect_RotatesThroughTheMistakesByTheNumberOfSetsOffered()
    {
        var tips = Enumerable.Range(0, MovementCatalogue.Mistakes.Count + 1)
            .Select(count => History([.. Enumerable.Range(0, count).Select(i => Offered(At(8, i, -1), ArmWindmills))]))
            .Select(history => Plan(RoutineKind.AfterLunch, At(13), history).Tip.Id)
            .ToList();

        Assert.Equal(
            [.. MovementCatalogue.Mistakes.Select(m => m.Id), MovementCatalogue.Mistakes[0].Id],
            tips);
    }

    [Fact]
    public void Plan_HistoryAtOrAfterTheSet_IsIgnored()
    {
        var history = History(
            Offered(At(10, 30), AnklePumps, SeatedCatCow),
            Offered(At(11), AnklePumps, SeatedCatCow));

        var set = Plan(RoutineKind.Every30Minutes, At(10, 30), history);

        Assert.Equal([AnklePumps, SeatedCatCow], set.Ids());
    }

    [Fact]
    public void Plan_SameInput_SameSet()
    {
        var history = History(Offered(At(9), AnklePumps, SeatedCatCow), Offered(At(9, 30), SeatedHipFlexorTwists, SeatedCatCow));

        var first = Plan(RoutineKind.EndOfDay, At(17, 20), history);
        var second = Plan(RoutineKind.EndOfDay, At(17, 20), history);

        Assert.Equal(first.Ids(), second.Ids());
        Assert.Equal(first.Reasons, second.Reasons);
        Assert.Equal(first.Tip, second.Tip);
    }

    [Fact]
    public void Plan_TotalEstimatedDuration_IsTheSumOfTheMovements()
    {
        var set = Plan(RoutineKind.StartOfDay, At(9), RotationHistory.Empty);

        // 60 s pulses + 24 s neck waves + 40 s wind-mills + 48 s ankle pumps.
        Assert.Equal(TimeSpan.FromSeconds(172), set.TotalEstimatedDuration);
    }

    [Fact]
    public void Plan_NeitherRoutineNorFocus_Throws()
    {
        Assert.Throws<DomainException>(() => RotationPlanner.Plan(null, null, At(9), StartOfDay, RotationHistory.Empty));
    }

    [Fact]
    public void Plan_DayStartsAfterTheSet_Throws()
    {
        Assert.Throws<DomainException>(() => RotationPlanner.Plan(RoutineKind.StartOfDay, null, At(9), At(10), RotationHistory.Empty));
    }

    [Fact]
    public void PlannedMovement_RepsOutsideTheRange_Throws()
    {
        var pulses = MovementCatalogue.Get(ScapularRetractionPulses);

        Assert.Throws<DomainException>(() => new PlannedMovement(pulses, 11));
        Assert.Throws<DomainException>(() => new PlannedMovement(pulses, 7));
    }
}
