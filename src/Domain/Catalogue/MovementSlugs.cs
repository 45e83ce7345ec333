namespace MicroMove.Domain.Catalogue;

/// <summary>Stable text ids of the movements, for storage and for action payloads.</summary>
public static class MovementSlugs
{
    private static readonly Dictionary<MovementId, string> Slugs = new()
    {
        [MovementId.ScapularRetractionPulses] = "scapular-retraction-pulses",
        [MovementId.NeckFlexionExtensionWaves] = "neck-flexion-extension-waves",
        [MovementId.ArmWindmills] = "arm-windmills",
        [MovementId.AnklePumps] = "ankle-pumps",
        [MovementId.SeatedHipFlexorTwists] = "seated-hip-flexor-twists",
        [MovementId.KneeExtensionsWithIsometricHold] = "knee-extensions-with-isometric-hold",
        [MovementId.SeatedCatCow] = "seated-cat-cow",
        [MovementId.LateralFlexionSlides] = "lateral-flexion-slides",
    };

    private static readonly Dictionary<string, MovementId> BySlug =
        Slugs.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToSlug(this MovementId id) => Slugs[id];

    public static bool TryParse(string slug, out MovementId id) => BySlug.TryGetValue(slug, out id);

    public static MovementId Parse(string slug) =>
        TryParse(slug, out var id) ? id : throw new DomainException($"Unknown movement '{slug}'.");
}
