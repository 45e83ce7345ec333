using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Catalogue.MovementId;
using static MicroMove.Domain.Tests.Rotation.RotationTestData;

namespace MicroMove.Domain.Tests.Rotation;

public sealed class TightRegionsTests
{
    private static LogEntry[] ThreeAnklePumpSets(int before, int after) =>
    [
        Rated(At(9, 0, -3), before, after, AnklePumps),
        Rated(At(9, 0, -2), before, after, AnklePumps),
        Rated(At(9, 0, -1), before, after, AnklePumps),
    ];

    [Fact]
    public void Detect_ThreeSetsStillFatiguedAfter_RegionIsTight()
    {
        Assert.Equal([BodyRegion.LowerBody], TightRegions.Detect(ThreeAnklePumpSets(5, 4), At(9)));
    }

    [Fact]
    public void Detect_ThreeSetsThatDoNotImprove_RegionIsTight()
    {
        Assert.Equal([BodyRegion.LowerBody], TightRegions.Detect(ThreeAnklePumpSets(2, 2), At(9)));
    }

    [Fact]
    public void Detect_ThreeSetsThatImproveToLowFatigue_NotTight()
    {
        Assert.Empty(TightRegions.Detect(ThreeAnklePumpSets(4, 2), At(9)));
    }

    [Fact]
    public void Detect_OnlyTwoRatedSets_NotTight()
    {
        Assert.Empty(TightRegions.Detect(ThreeAnklePumpSets(5, 5).Take(2), At(9)));
    }

    [Fact]
    public void Detect_RatingsOlderThanFourteenDays_AreIgnored()
    {
        var old = ThreeAnklePumpSets(5, 5).Select(e => e with { DoneAt = e.DoneAt.AddDays(-14) });

        Assert.Empty(TightRegions.Detect(old, At(9)));
    }

    [Fact]
    public void Detect_RatingsAfterTheInstant_AreIgnored()
    {
        var later = ThreeAnklePumpSets(5, 5).Select(e => e with { DoneAt = e.DoneAt.AddDays(2) });

        Assert.Empty(TightRegions.Detect(later, At(9)));
    }

    [Fact]
    public void Detect_SetsWithoutAnAfterRating_DoNotCount()
    {
        var log = ThreeAnklePumpSets(5, 5).Take(2).Append(Rated(At(8), 5, null, AnklePumps));

        Assert.Empty(TightRegions.Detect(log, At(9)));
    }

    [Fact]
    public void Summarise_MixedSets_AveragesPerRegion()
    {
        LogEntry[] log =
        [
            Rated(At(9, 0, -1), 4, 3, AnklePumps, SeatedCatCow),
            Rated(At(10, 0, -1), null, 5, AnklePumps),
            Rated(At(11, 0, -1), 3, 1, SeatedCatCow),
        ];

        var summary = TightRegions.Summarise(log, At(9));

        Assert.Equal(
            [
                new RegionFatigue(BodyRegion.LowerBody, 2, 4.0, -1.0),
                new RegionFatigue(BodyRegion.Spine, 2, 2.0, -1.5),
            ],
            summary);
    }

    [Fact]
    public void Plan_LowerBodyTightAndSetWithoutLowerBody_AddsALowerBodyMovement()
    {
        // A leg movement 30 minutes ago, so the hourly leg rule has nothing to add.
        var history = new RotationHistory([Offered(At(10), KneeExtensionsWithIsometricHold)], ThreeAnklePumpSets(5, 4));

        var set = Plan(RoutineKind.PreMeeting, At(10, 30), history);

        // Hip flexor twists: not offered today and, unlike ankle pumps and knee extensions, never done.
        Assert.Equal([NeckFlexionExtensionWaves, LateralFlexionSlides, SeatedHipFlexorTwists], set.Ids());
        var reason = Assert.Single(set.Reasons);
        Assert.Equal(RotationRule.TightRegion, reason.Rule);
        Assert.Equal("Added seated hip flexor twists: you have rated your lower body tight lately", reason.Text);
        Assert.Equal(PrincipleId.Specificity, reason.Principle);
    }

    [Fact]
    public void Plan_SpineTightButSetAlreadyWorksTheSpine_AddsNothing()
    {
        var log = new[] { -3, -2, -1 }.Select(day => Rated(At(9, 0, day), 3, 4, SeatedCatCow)).ToArray();
        var history = new RotationHistory([Offered(At(10), AnklePumps)], log);

        var set = Plan(RoutineKind.PreMeeting, At(10, 30), history);

        Assert.Equal([NeckFlexionExtensionWaves, LateralFlexionSlides], set.Ids());
    }
}
