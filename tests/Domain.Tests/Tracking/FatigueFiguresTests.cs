using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class FatigueFiguresTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Fact]
    public void Calculate_NoRatings_AveragesAreNull()
    {
        var statistics = Calculate(Monday, [], [DoneOn(Monday), DoneOn(Monday.AddDays(1))]);

        Assert.Equal(2, statistics.SetsDone);
        Assert.Null(statistics.AverageFatigueBefore);
        Assert.Null(statistics.AverageFatigueAfter);
        Assert.Null(statistics.AverageFatigueChange);
        Assert.Null(statistics.TightestRegion);
        Assert.All(statistics.Days, day => Assert.Null(day.AverageFatigueAfter));
    }

    [Fact]
    public void Calculate_SomeRatingsMissing_AveragesEachOverItsOwnRatings()
    {
        // before only 4; after only 2; both 3 → 2.
        LogEntry[] log =
        [
            Done(At(Monday, 9), null, 4, null, MovementId.AnklePumps),
            Done(At(Monday, 10), null, null, 2, MovementId.AnklePumps),
            Done(At(Monday, 11), null, 3, 2, MovementId.AnklePumps),
        ];

        var statistics = Calculate(Monday, [], log);

        Assert.Equal(3.5, statistics.AverageFatigueBefore);        // (4 + 3) / 2
        Assert.Equal(2.0, statistics.AverageFatigueAfter);         // (2 + 2) / 2
        Assert.Equal(-1.0, statistics.AverageFatigueChange);       // only the 3 → 2 entry
    }

    [Fact]
    public void Calculate_SetWithoutMovements_CountsAsDoneButInNoRegion()
    {
        var statistics = Calculate(Monday, [], [Done(At(Monday, 9), null, 3, 2)]);

        Assert.Equal(1, statistics.SetsDone);
        Assert.All(statistics.SetsPerRegion.Values, count => Assert.Equal(0, count));
        Assert.Empty(statistics.Movements);
    }

    [Fact]
    public void Calculate_ThreeSetsAllEndingAtOne_MovementFeelsEffortless()
    {
        LogEntry[] log =
        [
            Done(At(Monday, 9), null, 2, 1, MovementId.AnklePumps),
            Done(At(Monday, 10), null, 1, 1, MovementId.AnklePumps),
            Done(At(Monday, 11), null, null, 1, MovementId.AnklePumps),
            Done(At(Monday, 12), null, 3, null, MovementId.AnklePumps),
        ];

        var ankles = Assert.Single(Calculate(Monday, [], log).Movements);

        Assert.Equal(new MovementFigures(MovementId.AnklePumps, 4, 3, 1.0, 1), ankles);
        Assert.True(ankles.FeelsEffortless);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    public void FeelsEffortless_TooFewSetsOrOneAboveLowest_IsFalse(int ratedSets, int highestAfter) =>
        Assert.False(new MovementFigures(MovementId.AnklePumps, ratedSets, ratedSets, 1.2, highestAfter).FeelsEffortless);
}
