namespace MicroMove.Domain.Tracking;

/// <summary>The kinds of weekly advice, in the order of importance the advisor gives them.</summary>
public enum AdviceKind
{
    /// <summary>Fewer than half the prompted sets were done: fewer or other slots, or pause during meetings.</summary>
    LowCompletion,

    /// <summary>A region stays tight: the article's "increase the frequency of the associated micro-movement".</summary>
    RegionStaysTight,

    /// <summary>Fatigue does not go down after sets: the neutral baseline and breath integration principles.</summary>
    FatigueNotImproving,

    /// <summary>A day of several sets without a leg movement: "at least one leg-focused micro-movement per hour".</summary>
    NoLowerBodyWork,

    /// <summary>A movement feels effortless: "reduce its repetitions and allocate time to another region".</summary>
    EffortlessMovement,

    /// <summary>Nothing to adjust: one encouraging word.</summary>
    Encouragement,
}
