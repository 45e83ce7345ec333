using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class MovementSetTests
{
    [Fact]
    public void MovementIds_RunFromZero_AndFitTheSetsBits()
    {
        var ids = Enum.GetValues<MovementId>().Select(id => (int)id).ToList();

        Assert.Equal(Enumerable.Range(0, ids.Count), ids);
        Assert.InRange(ids.Count, 1, 31);
    }

    [Fact]
    public void Of_EachMovementAlone_ContainsOnlyIt_AndWorksOnlyItsRegion()
    {
        foreach (var movement in MovementCatalogue.Movements)
        {
            var set = MovementSet.Of([movement.Id]);

            Assert.All(Enum.GetValues<MovementId>(), other => Assert.Equal(other == movement.Id, set.Contains(other)));
            Assert.All(Enum.GetValues<BodyRegion>(), region => Assert.Equal(region == movement.Region, set.Works(region)));
        }
    }

    [Fact]
    public void Of_AMovementTwice_IsTheSameAsOnce() =>
        Assert.Equal(MovementSet.Of([MovementId.AnklePumps]), MovementSet.Of([MovementId.AnklePumps, MovementId.AnklePumps]));

    [Fact]
    public void Works_MovementsOfTwoRegions_WorksBoth_NotTheThird()
    {
        var set = MovementSet.Empty.With(MovementId.AnklePumps).With(MovementId.SeatedCatCow);

        Assert.True(set.Works(BodyRegion.LowerBody));
        Assert.True(set.Works(BodyRegion.Spine));
        Assert.False(set.Works(BodyRegion.UpperBody));
        Assert.False(set.Works((BodyRegion)99));
    }

    [Fact]
    public void Empty_WorksNoRegion()
    {
        Assert.True(MovementSet.Empty.IsEmpty);
        Assert.All(Enum.GetValues<BodyRegion>(), region => Assert.False(MovementSet.Empty.Works(region)));
    }

    [Fact]
    public void With_AnUnknownMovement_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MovementSet.Empty.With((MovementId)40));
}
