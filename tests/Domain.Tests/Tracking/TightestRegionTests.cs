using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class TightestRegionTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static LogEntry Spine(int dayOffset, int after) =>
        Done(At(Monday.AddDays(dayOffset), 10), null, 3, after, MovementId.SeatedCatCow);

    private static LogEntry Legs(int dayOffset, int after) =>
        Done(At(Monday.AddDays(dayOffset), 11), null, 3, after, MovementId.AnklePumps);

    [Theory]
    [InlineData(3.5, 3.2, TightnessTrend.Worsening)]
    [InlineData(3.5, 3.21, TightnessTrend.Steady)]
    [InlineData(3.0, 3.0, TightnessTrend.Steady)]
    [InlineData(3.0, 3.29, TightnessTrend.Steady)]
    [InlineData(2.7, 3.0, TightnessTrend.Improving)]
    [InlineData(2.0, 4.5, TightnessTrend.Improving)]
    public void TrendOf_ChangeAgainstTheThreshold_Classifies(double current, double previous, TightnessTrend expected) =>
        Assert.Equal(expected, RegionTightness.TrendOf(current, previous));

    [Fact]
    public void TrendOf_NoPreviousWeek_IsNew() =>
        Assert.Equal(TightnessTrend.New, RegionTightness.TrendOf(3.0, null));

    [Fact]
    public void Calculate_RegionRatedOnlyOnce_IsNotTheTightest()
    {
        // Spine ended at 5 but only once; legs 2 and 2.
        var tightest = Calculate(Monday, [], [Spine(0, 5), Legs(0, 2), Legs(1, 2)]).TightestRegion;

        Assert.Equal(new RegionTightness(BodyRegion.LowerBody, 2.0, 2, null, TightnessTrend.New), tightest);
    }

    [Fact]
    public void Calculate_NoRegionRatedTwice_HasNoTightestRegion() =>
        Assert.Null(Calculate(Monday, [], [Spine(0, 5), Legs(0, 4)]).TightestRegion);

    [Fact]
    public void Calculate_TightRegionEasingSinceLastWeek_IsImproving()
    {
        // Spine last week 4, 4 → 4.0; this week 3, 4 → 3.5: −0.5.
        var tightest = Calculate(Monday, [], [Spine(-7, 4), Spine(-6, 4), Spine(0, 3), Spine(1, 4)]).TightestRegion;

        Assert.Equal(new RegionTightness(BodyRegion.Spine, 3.5, 2, 4.0, TightnessTrend.Improving), tightest);
    }

    [Fact]
    public void Calculate_TightRegionAsLastWeek_IsSteady()
    {
        // Spine last week 3 → 3.0; this week 3, 3 → 3.0: no change.
        var steady = Calculate(Monday, [], [Spine(-7, 3), Spine(0, 3), Spine(1, 3)]).TightestRegion;

        Assert.Equal(TightnessTrend.Steady, steady?.Trend);
    }

    [Fact]
    public void Calculate_RegionsTiedOnAverage_PrefersTheOneWithMoreRatedSets()
    {
        // Spine 3, 3 (2 sets); legs 3, 3, 3 (3 sets).
        var tightest = Calculate(Monday, [], [Spine(0, 3), Spine(1, 3), Legs(0, 3), Legs(1, 3), Legs(2, 3)]).TightestRegion;

        Assert.Equal(BodyRegion.LowerBody, tightest?.Region);
    }

    [Fact]
    public void Calculate_EntriesOlderThanThePreviousWeek_DoNotMakeTheTrend()
    {
        // Spine two weeks ago only: nothing to compare with last week.
        var tightest = Calculate(Monday, [], [Spine(-14, 1), Spine(-13, 1), Spine(0, 3), Spine(1, 3)]).TightestRegion;

        Assert.Equal(TightnessTrend.New, tightest?.Trend);
        Assert.Null(tightest?.PreviousAverageFatigueAfter);
    }
}
