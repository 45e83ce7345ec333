namespace MicroMove.Domain.Catalogue;

/// <summary>One phase of a repetition, with its tempo and its breath.</summary>
public sealed record Phase(string Action, PhaseKind Kind, TimeSpan Duration)
{
    /// <summary>The article's controlled tempo: about two seconds a phase.</summary>
    public static readonly TimeSpan ControlledTempo = TimeSpan.FromSeconds(2);

    public BreathCue Breath => Kind switch
    {
        PhaseKind.Opening => BreathCue.Inhale,
        PhaseKind.Closing => BreathCue.Exhale,
        _ => BreathCue.BreatheSoftly,
    };

    public static Phase Open(string action) => new(action, PhaseKind.Opening, ControlledTempo);

    public static Phase Close(string action) => new(action, PhaseKind.Closing, ControlledTempo);

    public static Phase Hold(string action, int seconds) => new(action, PhaseKind.Hold, TimeSpan.FromSeconds(seconds));
}
