namespace MicroMove.Domain.Catalogue;

/// <summary>What a phase of a movement does; it decides the breath cue.</summary>
public enum PhaseKind
{
    /// <summary>Opening, expanding or lengthening: inhale.</summary>
    Opening,

    /// <summary>Closing, releasing or contracting: exhale.</summary>
    Closing,

    /// <summary>A held position: keep breathing softly.</summary>
    Hold,
}
