namespace MicroMove.Domain.Catalogue;

/// <summary>
/// The article's eight movements. The database stores each as its slug
/// (<see cref="MovementSlugs"/>), so the slugs must never change.
/// </summary>
public enum MovementId
{
    ScapularRetractionPulses,
    NeckFlexionExtensionWaves,
    ArmWindmills,
    AnklePumps,
    SeatedHipFlexorTwists,
    KneeExtensionsWithIsometricHold,
    SeatedCatCow,
    LateralFlexionSlides,
}
