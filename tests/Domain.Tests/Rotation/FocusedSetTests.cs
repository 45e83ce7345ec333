using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using static MicroMove.Domain.Catalogue.MovementId;
using static MicroMove.Domain.Tests.Rotation.RotationTestData;

namespace MicroMove.Domain.Tests.Rotation;

public sealed class FocusedSetTests
{
    [Fact]
    public void Hips_EmptyHistory_HipFlexorTwistsAndAnotherLowerBodyMovement()
    {
        var set = Plan(SetFocus.Hips, At(10), RotationHistory.Empty);

        Assert.Equal([SeatedHipFlexorTwists, AnklePumps], set.Ids());
        Assert.Null(set.Routine);
        Assert.Equal(SetFocus.Hips, set.Focus);
        var reason = Assert.Single(set.Reasons);
        Assert.Equal(RotationRule.RequestedFocus, reason.Rule);
        Assert.Equal("Aimed at your hips: seated hip flexor twists and ankle pumps", reason.Text);
    }

    [Theory]
    [InlineData("neck", new[] { NeckFlexionExtensionWaves, ScapularRetractionPulses })]
    [InlineData("shoulders", new[] { ScapularRetractionPulses, ArmWindmills })]
    [InlineData("legs", new[] { AnklePumps, KneeExtensionsWithIsometricHold })]
    [InlineData("back", new[] { SeatedCatCow, LateralFlexionSlides })]
    [InlineData("upper", new[] { ScapularRetractionPulses, NeckFlexionExtensionWaves, ArmWindmills })]
    [InlineData("lower", new[] { AnklePumps, SeatedHipFlexorTwists, KneeExtensionsWithIsometricHold })]
    [InlineData("spine", new[] { SeatedCatCow, LateralFlexionSlides })]
    public void Focus_EmptyHistory_AimsAtTheRequestedMovements(string word, MovementId[] expected)
    {
        Assert.True(SetFocus.TryParse(word, out var focus));
        Assert.NotNull(focus);

        var set = Plan(focus, At(10), RotationHistory.Empty);

        Assert.Equal(expected, set.Ids());
    }

    [Fact]
    public void Focus_GivenWithARoutine_OverridesTheRoutine()
    {
        var set = RotationPlanner.Plan(RoutineKind.StartOfDay, SetFocus.Legs, At(9), StartOfDay, RotationHistory.Empty);

        Assert.Equal([AnklePumps, KneeExtensionsWithIsometricHold], set.Ids());
        Assert.Null(set.Routine);
    }

    [Fact]
    public void Neck_NeckWavesInEachOfTheLastTwoSets_SwapsForAnotherUpperBodyMovement()
    {
        var history = History(Offered(At(9), NeckFlexionExtensionWaves), Offered(At(9, 30), NeckFlexionExtensionWaves));

        var set = Plan(SetFocus.Neck, At(10), history);

        Assert.DoesNotContain(NeckFlexionExtensionWaves, set.Ids());
        Assert.Equal(2, set.Movements.Count);
        Assert.All(set.Movements, m => Assert.Equal(BodyRegion.UpperBody, m.Movement.Region));
        Assert.Contains(set.Reasons, r => r.Rule == RotationRule.NoThirdInARow);
    }

    [Fact]
    public void Back_BothSpineMovementsInEachOfTheLastTwoSets_RepeatsThemBecauseTheSpineHasNoAlternative()
    {
        var history = History(
            Offered(At(9), SeatedCatCow, LateralFlexionSlides),
            Offered(At(9, 30), SeatedCatCow, LateralFlexionSlides));

        var set = Plan(SetFocus.Back, At(10), history);

        Assert.Equal(2, set.Movements.Count);
        Assert.All(set.Movements, m => Assert.Equal(BodyRegion.Spine, m.Movement.Region));
        Assert.Contains(set.Reasons, r => r.Rule == RotationRule.NoThirdInARow && r.Text.StartsWith("Repeated", StringComparison.Ordinal));
    }

    [Fact]
    public void Spine_CatCowInEachOfTheLastTwoSets_StillTwoSpineMovements()
    {
        var history = History(Offered(At(9), SeatedCatCow), Offered(At(9, 30), SeatedCatCow));

        var set = Plan(SetFocus.Spine, At(10), history);

        Assert.Equal([LateralFlexionSlides, SeatedCatCow], set.Ids());
    }

    [Fact]
    public void Upper_OneUpperBodyMovementBlocked_OffersTheOtherTwo()
    {
        var history = History(Offered(At(9), ArmWindmills), Offered(At(9, 30), ArmWindmills));

        var set = Plan(SetFocus.UpperBody, At(10), history);

        Assert.Equal([ScapularRetractionPulses, NeckFlexionExtensionWaves], set.Ids());
    }

    [Fact]
    public void Legs_AnklePumpsEffortless_FewerAnklePumps()
    {
        var history = new RotationHistory(
            [],
            [Rated(At(9), 2, 1, AnklePumps), Rated(At(9, 30), 1, 1, AnklePumps), Rated(At(10), 1, 1, AnklePumps)]);

        var set = Plan(SetFocus.Legs, At(11), history);

        Assert.Equal(10, set.RepsOf(AnklePumps));
        Assert.Equal(8, set.RepsOf(KneeExtensionsWithIsometricHold));
    }

    [Fact]
    public void Upper_NoLegMovementInTheLastHour_StaysUpperBodyAndTipsAboutTheLowerBody()
    {
        var set = Plan(SetFocus.UpperBody, At(10), RotationHistory.Empty);

        Assert.All(set.Movements, m => Assert.Equal(BodyRegion.UpperBody, m.Movement.Region));
        Assert.Equal(MistakeId.NeglectingLowerBody, set.Tip.Id);
    }

    [Theory]
    [InlineData("Hips", "hips")]
    [InlineData("  upper   body ", "upper body")]
    [InlineData("UPPER-BODY", "upper body")]
    [InlineData("leg", "legs")]
    [InlineData("shoulder", "shoulders")]
    [InlineData("lower", "lower body")]
    public void TryParse_KnownWord_ReturnsTheFocus(string text, string expectedName)
    {
        Assert.True(SetFocus.TryParse(text, out var focus));
        Assert.Equal(expectedName, focus?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("calves")]
    public void TryParse_UnknownWord_ReturnsFalse(string? text)
    {
        Assert.False(SetFocus.TryParse(text, out var focus));
        Assert.Null(focus);
    }

    [Fact]
    public void AliasCore_EveryAlias_BelongsToItsRegion()
    {
        Assert.All(
            SetFocus.All.SelectMany(f => f.Core.Select(id => (f.Region, Movement: MovementCatalogue.Get(id)))),
            x => Assert.Equal(x.Region, x.Movement.Region));
    }

    [Theory]
    [InlineData(BodyRegion.UpperBody, "upper body")]
    [InlineData(BodyRegion.LowerBody, "lower body")]
    [InlineData(BodyRegion.Spine, "spine")]
    public void ForRegion_EachRegion_IsTheWholeRegion(BodyRegion region, string name)
    {
        var focus = SetFocus.ForRegion(region);

        Assert.True(focus.IsWholeRegion);
        Assert.Equal(name, focus.Name);
    }
}
