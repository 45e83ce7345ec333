using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tests.Catalogue;

/// <summary>The article's tables and lists: fatigue sources, principles, the workday routines, common mistakes.</summary>
public sealed class ArticleTablesTests
{
    [Fact]
    public void FatigueSources_AreTheFiveOfTheTable()
    {
        Assert.Equal(
            ["Static loading", "Reduced circulation", "Forward head posture", "Hip flexor shortening", "Thoracic rigidity"],
            MovementCatalogue.FatigueSources.Select(s => s.Name));
    }

    [Theory]
    [InlineData(FatigueSourceId.StaticLoading, "Dull ache in lower back", "Gluteus maximus")]
    [InlineData(FatigueSourceId.ReducedCirculation, "Numbness or tingling in legs or feet", "Deep veins")]
    [InlineData(FatigueSourceId.ForwardHeadPosture, "Headaches", "Sternocleidomastoid")]
    [InlineData(FatigueSourceId.HipFlexorShortening, "Tightness in front of hips", "Iliopsoas")]
    [InlineData(FatigueSourceId.ThoracicRigidity, "Shallow breathing", "Intercostals")]
    public void FatigueSource_HasItsSymptomsAndStructures(FatigueSourceId id, string symptom, string structure)
    {
        var source = MovementCatalogue.FatigueSources.Single(s => s.Id == id);

        Assert.Contains(symptom, source.Symptoms);
        Assert.Contains(structure, source.Structures);
    }

    [Theory]
    [InlineData(FatigueSourceId.ReducedCirculation, MovementId.AnklePumps)]
    [InlineData(FatigueSourceId.ForwardHeadPosture, MovementId.NeckFlexionExtensionWaves)]
    [InlineData(FatigueSourceId.HipFlexorShortening, MovementId.SeatedHipFlexorTwists)]
    [InlineData(FatigueSourceId.ThoracicRigidity, MovementId.SeatedCatCow)]
    [InlineData(FatigueSourceId.StaticLoading, MovementId.ArmWindmills)]
    public void FatigueSource_IsAddressedByTheMovementsAimedAtIt(FatigueSourceId id, MovementId movement)
    {
        var source = MovementCatalogue.FatigueSources.Single(s => s.Id == id);

        Assert.Contains(movement, source.AddressedBy);
        Assert.All(source.AddressedBy, m => Assert.Contains(id, MovementCatalogue.Get(m).Addresses));
    }

    [Fact]
    public void Principles_AreTheFive_WithGuidanceToShowAsTips()
    {
        Assert.Equal(
            ["Specificity", "Repetition with variation", "Controlled tempo", "Neutral baseline", "Breath integration"],
            MovementCatalogue.Principles.Select(p => p.Name));
        Assert.Contains("2 seconds", MovementCatalogue.Get(PrincipleId.ControlledTempo).Guidance, StringComparison.Ordinal);
        Assert.Contains("feet flat", MovementCatalogue.Get(PrincipleId.NeutralBaseline).Guidance, StringComparison.Ordinal);
        Assert.Contains("5–10 times", MovementCatalogue.Get(PrincipleId.RepetitionWithVariation).Guidance, StringComparison.Ordinal);
    }

    public static TheoryData<RoutineKind, int, MovementId[], BodyRegion[]> Workday => new()
    {
        // Start of day: full set of upper-body pulses + ankle pumps, 1 minute.
        {
            RoutineKind.StartOfDay, 60,
            [MovementId.ScapularRetractionPulses, MovementId.NeckFlexionExtensionWaves, MovementId.ArmWindmills, MovementId.AnklePumps],
            [BodyRegion.UpperBody, BodyRegion.UpperBody, BodyRegion.UpperBody, BodyRegion.LowerBody]
        },
        // Every 30 min: one of the lower-body movements + seated cat-cow, 30 seconds.
        { RoutineKind.Every30Minutes, 30, [MovementId.SeatedCatCow], [BodyRegion.LowerBody, BodyRegion.Spine] },
        // Pre-meeting: neck waves + lateral flexion slides, 45 seconds.
        { RoutineKind.PreMeeting, 45, [MovementId.NeckFlexionExtensionWaves, MovementId.LateralFlexionSlides], [BodyRegion.UpperBody, BodyRegion.Spine] },
        // After lunch: hip flexor twists + arm wind-mills, 1 minute.
        { RoutineKind.AfterLunch, 60, [MovementId.SeatedHipFlexorTwists, MovementId.ArmWindmills], [BodyRegion.LowerBody, BodyRegion.UpperBody] },
        // End of day: full body circuit, all categories, 2 minutes.
        { RoutineKind.EndOfDay, 120, [], [BodyRegion.UpperBody, BodyRegion.LowerBody, BodyRegion.Spine] },
    };

    [Theory]
    [MemberData(nameof(Workday))]
    public void Routine_FollowsTheWorkdayTable(RoutineKind kind, int seconds, MovementId[] suggested, BodyRegion[] regions)
    {
        var routine = MovementCatalogue.Get(kind);

        Assert.Equal(TimeSpan.FromSeconds(seconds), routine.ApproximateDuration);
        Assert.Equal(suggested, routine.Parts.Select(p => p.Suggested).OfType<MovementId>());
        Assert.Equal(regions, routine.Parts.Select(p => p.Region));
        Assert.All(routine.Parts, p => Assert.True(p.Suggested is not { } movement || MovementCatalogue.Get(movement).Region == p.Region));
    }

    [Fact]
    public void Routines_AreTheFiveSlots_WithStableSlugs_AndOnlyTheEndOfDayIsAFullCircuit()
    {
        Assert.Equal(Enum.GetValues<RoutineKind>(), MovementCatalogue.Routines.Select(r => r.Kind));
        Assert.Equal(
            ["start-of-day", "every-30-minutes", "pre-meeting", "after-lunch", "end-of-day"],
            MovementCatalogue.Routines.Select(r => r.Slug));
        Assert.Equal([RoutineKind.EndOfDay], MovementCatalogue.Routines.Where(r => r.IsFullCircuit).Select(r => r.Kind));
    }

    [Theory]
    [InlineData(MistakeId.RushingTheMotion, "Slow down; aim for a 2-second count per phase", PrincipleId.ControlledTempo)]
    [InlineData(MistakeId.HoldingBreath, "Pair each phase with a natural breath", PrincipleId.BreathIntegration)]
    [InlineData(MistakeId.SlouchedBase, "Reset to a neutral spine before each set", PrincipleId.NeutralBaseline)]
    [InlineData(MistakeId.OverRepeatingOneMovement, "Rotate through the full menu of micro-movements", PrincipleId.RepetitionWithVariation)]
    [InlineData(MistakeId.NeglectingLowerBody, "Include at least one leg-focused micro-movement per hour", PrincipleId.Specificity)]
    public void Mistake_CarriesItsCorrection_AsATip(MistakeId id, string correction, PrincipleId principle)
    {
        var mistake = MovementCatalogue.Mistakes.Single(m => m.Id == id);

        Assert.Equal(correction, mistake.Correction);
        Assert.Equal(principle, mistake.Principle);
        Assert.NotEmpty(mistake.WhyItUndermines);
        Assert.EndsWith($"{correction}.", mistake.Tip, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistakes_AreTheFiveOfTheTable()
    {
        Assert.Equal(Enum.GetValues<MistakeId>(), MovementCatalogue.Mistakes.Select(m => m.Id));
    }
}
