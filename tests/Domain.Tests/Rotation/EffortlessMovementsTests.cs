using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using static MicroMove.Domain.Catalogue.MovementId;
using static MicroMove.Domain.Tests.Rotation.RotationTestData;

namespace MicroMove.Domain.Tests.Rotation;

public sealed class EffortlessMovementsTests
{
    [Fact]
    public void IsEffortless_LastThreeRatedSetsAllOneAfter_True()
    {
        var log = new[]
        {
            Rated(At(9, 0, -5), 4, 4, SeatedCatCow),
            Rated(At(9, 0, -3), 2, 1, SeatedCatCow),
            Rated(At(9, 0, -2), null, 1, SeatedCatCow, AnklePumps),
            Rated(At(9, 0, -1), 1, 1, SeatedCatCow),
        };

        Assert.True(EffortlessMovements.IsEffortless(SeatedCatCow, log, At(9)));
    }

    [Fact]
    public void IsEffortless_OnlyTwoRatedSets_False()
    {
        var log = new[] { Rated(At(9, 0, -2), 1, 1, SeatedCatCow), Rated(At(9, 0, -1), 1, 1, SeatedCatCow) };

        Assert.False(EffortlessMovements.IsEffortless(SeatedCatCow, log, At(9)));
    }

    [Fact]
    public void IsEffortless_LatestRatedTwo_False()
    {
        var log = new[]
        {
            Rated(At(9, 0, -3), 1, 1, SeatedCatCow),
            Rated(At(9, 0, -2), 1, 1, SeatedCatCow),
            Rated(At(9, 0, -1), 1, 2, SeatedCatCow),
        };

        Assert.False(EffortlessMovements.IsEffortless(SeatedCatCow, log, At(9)));
    }

    [Fact]
    public void IsEffortless_UnratedSetsInBetween_AreSkipped()
    {
        var log = new[]
        {
            Rated(At(9, 0, -3), 1, 1, SeatedCatCow),
            Rated(At(9, 0, -2), 1, 1, SeatedCatCow),
            Rated(At(8, 0, -1), 3, null, SeatedCatCow),
            Rated(At(9, 0, -1), 1, 1, SeatedCatCow),
        };

        Assert.True(EffortlessMovements.IsEffortless(SeatedCatCow, log, At(9)));
    }

    [Fact]
    public void RepsFor_EffortlessMovement_TheBottomOfTheRange()
    {
        var log = new[] { -3, -2, -1 }.Select(day => Rated(At(9, 0, day), 1, 1, LateralFlexionSlides)).ToArray();
        var slides = MovementCatalogue.Get(LateralFlexionSlides);

        Assert.Equal(4, EffortlessMovements.RepsFor(slides, log, At(9)));
        Assert.Equal(5, EffortlessMovements.RepsFor(slides, [], At(9)));
    }

    [Fact]
    public void Plan_EffortlessMovementInTheRoutine_FewerRepsWithAReason()
    {
        var log = new[] { -3, -2, -1 }.Select(day => Rated(At(9, 0, day), 1, 1, LateralFlexionSlides)).ToArray();
        var history = new RotationHistory([Offered(At(10), AnklePumps)], log);

        var set = Plan(RoutineKind.PreMeeting, At(10, 30), history);

        Assert.Equal(4, set.RepsOf(LateralFlexionSlides));
        Assert.Equal(6, set.RepsOf(NeckFlexionExtensionWaves));
        var reason = Assert.Single(set.Reasons);
        Assert.Equal(RotationRule.EffortlessFewerReps, reason.Rule);
        Assert.Equal("Fewer reps of lateral flexion slides (4 slides per side): your last three sets of it felt effortless", reason.Text);
        Assert.Null(reason.Principle);
    }
}
