using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tests.Catalogue;

/// <summary>The article's movements, as the article gives them.</summary>
public sealed class MovementCatalogueTests
{
    public static TheoryData<MovementId, BodyRegion, int, int, string, Sidedness> ArticleMovements => new()
    {
        { MovementId.ScapularRetractionPulses, BodyRegion.UpperBody, 8, 10, "pulses", Sidedness.Once },
        { MovementId.NeckFlexionExtensionWaves, BodyRegion.UpperBody, 5, 6, "cycles", Sidedness.Once },
        { MovementId.ArmWindmills, BodyRegion.UpperBody, 5, 5, "circles", Sidedness.PerDirection },
        { MovementId.AnklePumps, BodyRegion.LowerBody, 10, 12, "pumps", Sidedness.Once },
        { MovementId.SeatedHipFlexorTwists, BodyRegion.LowerBody, 4, 5, "twists", Sidedness.PerSide },
        { MovementId.KneeExtensionsWithIsometricHold, BodyRegion.LowerBody, 6, 8, "extensions", Sidedness.PerLeg },
        { MovementId.SeatedCatCow, BodyRegion.Spine, 5, 6, "cycles", Sidedness.Once },
        { MovementId.LateralFlexionSlides, BodyRegion.Spine, 4, 5, "slides", Sidedness.PerSide },
    };

    [Fact]
    public void Movements_AreTheArticlesEight_EachOnce()
    {
        Assert.Equal(Enum.GetValues<MovementId>(), MovementCatalogue.Movements.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(ArticleMovements))]
    public void Movement_HasTheArticlesRegionRepsAndSides(MovementId id, BodyRegion region, int min, int max, string unit, Sidedness sides)
    {
        var movement = MovementCatalogue.Get(id);

        Assert.Equal(region, movement.Region);
        Assert.Equal((min, max, unit, sides), (movement.Reps.Min, movement.Reps.Max, movement.Reps.Unit, movement.Reps.Sides));
    }

    [Fact]
    public void EveryMovement_HasStepsTargetsABenefitAndAFatigueSource()
    {
        Assert.All(MovementCatalogue.Movements, movement =>
        {
            Assert.NotEmpty(movement.Name);
            Assert.True(movement.Steps.Count >= 2, $"{movement.Name} needs how-to steps");
            Assert.NotEmpty(movement.Targets);
            Assert.EndsWith(".", movement.Benefit, StringComparison.Ordinal);
            Assert.NotEmpty(movement.Addresses);
        });
    }

    [Theory]
    [InlineData(MovementId.ScapularRetractionPulses, "Rhomboids")]
    [InlineData(MovementId.NeckFlexionExtensionWaves, "Suboccipital muscles")]
    [InlineData(MovementId.ArmWindmills, "Rotator cuff")]
    [InlineData(MovementId.AnklePumps, "Soleus")]
    [InlineData(MovementId.SeatedHipFlexorTwists, "Iliopsoas")]
    [InlineData(MovementId.KneeExtensionsWithIsometricHold, "Quadriceps (especially the vastus medialis)")]
    [InlineData(MovementId.SeatedCatCow, "Intervertebral discs")]
    [InlineData(MovementId.LateralFlexionSlides, "Quadratus lumborum")]
    public void Movement_TargetsTheArticlesMuscles(MovementId id, string target)
    {
        Assert.Contains(target, MovementCatalogue.Get(id).Targets);
    }

    [Fact]
    public void EveryMovingPhase_TakesTheControlledTempoOfTwoSeconds()
    {
        var moving = MovementCatalogue.Movements.SelectMany(m => m.Phases).Where(p => p.Kind != PhaseKind.Hold);

        Assert.All(moving, phase => Assert.Equal(TimeSpan.FromSeconds(2), phase.Duration));
    }

    [Theory]
    [InlineData(MovementId.ScapularRetractionPulses, 2)]
    [InlineData(MovementId.SeatedHipFlexorTwists, 2)]
    [InlineData(MovementId.KneeExtensionsWithIsometricHold, 3)]
    [InlineData(MovementId.LateralFlexionSlides, 2)]
    public void Movement_WithAHold_HoldsAsLongAsTheArticleSays(MovementId id, int seconds)
    {
        var hold = Assert.Single(MovementCatalogue.Get(id).Phases, p => p.Kind == PhaseKind.Hold);

        Assert.Equal(TimeSpan.FromSeconds(seconds), hold.Duration);
    }

    [Theory]
    [InlineData(MovementId.NeckFlexionExtensionWaves)]
    [InlineData(MovementId.ArmWindmills)]
    [InlineData(MovementId.AnklePumps)]
    [InlineData(MovementId.SeatedCatCow)]
    public void Movement_WithoutAHold_HasNoHoldPhase(MovementId id)
    {
        Assert.DoesNotContain(MovementCatalogue.Get(id).Phases, p => p.Kind == PhaseKind.Hold);
    }

    [Fact]
    public void Breath_InhalesOnOpening_ExhalesOnClosing_BreathesSoftlyInHolds()
    {
        var phases = MovementCatalogue.Movements.SelectMany(m => m.Phases).ToList();

        Assert.All(phases.Where(p => p.Kind == PhaseKind.Opening), p => Assert.Equal(BreathCue.Inhale, p.Breath));
        Assert.All(phases.Where(p => p.Kind == PhaseKind.Closing), p => Assert.Equal(BreathCue.Exhale, p.Breath));
        Assert.All(phases.Where(p => p.Kind == PhaseKind.Hold), p => Assert.Equal(BreathCue.BreatheSoftly, p.Breath));
        Assert.All(MovementCatalogue.Movements, m =>
        {
            Assert.Contains(m.Phases, p => p.Breath == BreathCue.Inhale);
            Assert.Contains(m.Phases, p => p.Breath == BreathCue.Exhale);
        });
    }

    [Fact]
    public void SeatedCatCow_InhalesIntoCow_ExhalesIntoCat_AsTheArticleSays()
    {
        var phases = MovementCatalogue.Get(MovementId.SeatedCatCow).Phases;

        Assert.Equal(BreathCue.Inhale, Assert.Single(phases, p => p.Action.Contains("cow", StringComparison.Ordinal)).Breath);
        Assert.Equal(BreathCue.Exhale, Assert.Single(phases, p => p.Action.Contains("cat", StringComparison.Ordinal)).Breath);
    }

    [Fact]
    public void ScapularRetraction_InhalesOnTheSqueeze_ExhalesOnTheRelease()
    {
        var phases = MovementCatalogue.Get(MovementId.ScapularRetractionPulses).Phases;

        Assert.Equal([BreathCue.Inhale, BreathCue.BreatheSoftly, BreathCue.Exhale], phases.Select(p => p.Breath));
    }

    [Theory]
    [InlineData(MovementId.ScapularRetractionPulses, 10, 60)] // squeeze 2 + hold 2 + release 2, ×10
    [InlineData(MovementId.NeckFlexionExtensionWaves, 6, 24)] // down 2 + up 2, ×6
    [InlineData(MovementId.ArmWindmills, 5, 40)] // 4 s a circle, 5 each direction
    [InlineData(MovementId.AnklePumps, 12, 48)]
    [InlineData(MovementId.SeatedHipFlexorTwists, 5, 60)] // 6 s a twist, 5 per side
    [InlineData(MovementId.KneeExtensionsWithIsometricHold, 8, 112)] // 2 + 3 + 2, 8 per leg
    [InlineData(MovementId.SeatedCatCow, 6, 24)]
    [InlineData(MovementId.LateralFlexionSlides, 4, 48)]
    public void EstimatedSetDuration_FollowsTempoHoldsAndSides(MovementId id, int reps, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), MovementCatalogue.Get(id).EstimatedSetDuration(reps));
    }

    [Fact]
    public void EstimatedSetDuration_WithoutReps_UsesTheTopOfTheRange()
    {
        var pulses = MovementCatalogue.Get(MovementId.ScapularRetractionPulses);

        Assert.Equal(pulses.EstimatedSetDuration(10), pulses.EstimatedSetDuration());
    }

    [Fact]
    public void LegFocused_IsExactlyTheLowerBodyMovements()
    {
        Assert.Equal(
            [MovementId.AnklePumps, MovementId.SeatedHipFlexorTwists, MovementId.KneeExtensionsWithIsometricHold],
            MovementCatalogue.Movements.Where(m => m.IsLegFocused).Select(m => m.Id));
    }

    [Fact]
    public void Slugs_AreStableAndRoundTrip()
    {
        Assert.Equal("knee-extensions-with-isometric-hold", MovementId.KneeExtensionsWithIsometricHold.ToSlug());
        Assert.All(Enum.GetValues<MovementId>(), id => Assert.Equal(id, MovementSlugs.Parse(id.ToSlug())));
        Assert.False(MovementSlugs.TryParse("jumping-jacks", out _));
        Assert.Throws<DomainException>(() => MovementSlugs.Parse("jumping-jacks"));
    }

    [Theory]
    [InlineData(MovementId.ScapularRetractionPulses, "8–10 pulses")]
    [InlineData(MovementId.ArmWindmills, "5 circles each direction")]
    [InlineData(MovementId.SeatedHipFlexorTwists, "4–5 twists per side")]
    [InlineData(MovementId.KneeExtensionsWithIsometricHold, "6–8 extensions per leg")]
    public void RepRange_ReadsLikeTheArticle(MovementId id, string text)
    {
        Assert.Equal(text, MovementCatalogue.Get(id).Reps.Describe());
    }

    [Fact]
    public void RepRange_Invalid_IsRefused()
    {
        Assert.Throws<DomainException>(() => new RepRange(0, 5, "reps"));
        Assert.Throws<DomainException>(() => new RepRange(6, 5, "reps"));
    }
}
