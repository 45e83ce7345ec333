using MicroMove.Domain.Catalogue;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class LogEntryTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    [Theory]
    [InlineData(4, 2, -2)]
    [InlineData(2, 2, 0)]
    [InlineData(1, 5, 4)]
    public void FatigueChange_BothRatings_IsAfterMinusBefore(int before, int after, int expected) =>
        Assert.Equal(expected, Done(At(Day, 9), null, before, after, MovementId.AnklePumps).FatigueChange);

    [Theory]
    [InlineData(3, null)]
    [InlineData(null, 3)]
    [InlineData(null, null)]
    public void FatigueChange_ARatingMissing_IsNull(int? before, int? after) =>
        Assert.Null(Done(At(Day, 9), null, before, after, MovementId.AnklePumps).FatigueChange);

    [Fact]
    public void Regions_TwoMovementsOfOneRegion_CountsTheRegionOnce()
    {
        var entry = Done(At(Day, 9), null, null, null, MovementId.AnklePumps, MovementId.SeatedHipFlexorTwists, MovementId.SeatedCatCow);

        Assert.Equal([BodyRegion.LowerBody, BodyRegion.Spine], entry.Regions);
    }
}
