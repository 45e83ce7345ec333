using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>Why a set looks the way it does, in words a person can read: "Added knee extensions: no leg movement in the last hour".</summary>
public sealed record PlanReason(RotationRule Rule, string Text)
{
    /// <summary>
    /// The article's principle behind the rule; null for fewer reps, which comes from the
    /// article's progress-tracking advice rather than from a principle.
    /// </summary>
    public PrincipleId? Principle => Rule switch
    {
        RotationRule.RequestedFocus => PrincipleId.Specificity,
        RotationRule.NoThirdInARow => PrincipleId.RepetitionWithVariation,
        RotationRule.FullMenuDaily => PrincipleId.RepetitionWithVariation,
        // The catalogue files "neglecting lower-body actions" under specificity; keep the two consistent.
        RotationRule.LegEveryHour => PrincipleId.Specificity,
        RotationRule.TightRegion => PrincipleId.Specificity,
        _ => null,
    };
}
