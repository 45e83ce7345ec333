namespace MicroMove.Domain.Catalogue;

/// <summary>The article's five principles of effective micro-movements.</summary>
public enum PrincipleId
{
    Specificity,
    RepetitionWithVariation,
    ControlledTempo,
    NeutralBaseline,
    BreathIntegration,
}
