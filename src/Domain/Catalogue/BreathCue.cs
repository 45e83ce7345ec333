namespace MicroMove.Domain.Catalogue;

/// <summary>
/// The article's breathing rule: inhale during the opening or lengthening phase,
/// exhale during the closing or contracting one; during a hold keep breathing
/// softly (holding the breath is one of the article's common mistakes).
/// </summary>
public enum BreathCue
{
    Inhale,
    Exhale,
    BreatheSoftly,
}
