namespace MicroMove.Domain.Catalogue;

/// <summary>One micro-movement of the article, with everything a prompt shows about it.</summary>
public sealed record Movement(
    MovementId Id,
    string Name,
    BodyRegion Region,
    IReadOnlyList<string> Steps,
    RepRange Reps,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<string> Targets,
    string Benefit,
    IReadOnlyList<FatigueSourceId> Addresses)
{
    public string Slug => Id.ToSlug();

    /// <summary>Leg-focused movements count for the article's "at least one leg movement per hour".</summary>
    public bool IsLegFocused => Region == BodyRegion.LowerBody;

    /// <summary>One rep at the article's tempo: the sum of its phases (e.g. squeeze 2 s + hold 2 s + release 2 s).</summary>
    public TimeSpan RepDuration => Phases.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.Duration);

    /// <summary>How long one set takes with the given reps, counting both sides where the reps are per side.</summary>
    public TimeSpan EstimatedSetDuration(int reps) => RepDuration * (reps * Reps.Rounds);

    /// <summary>The estimate for the top of the rep range, the default dose.</summary>
    public TimeSpan EstimatedSetDuration() => EstimatedSetDuration(Reps.Max);
}
