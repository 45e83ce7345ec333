using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;

namespace MicroMove.Domain.Messages;

/// <summary>One movement as a prompt shows it: how, how many, how fast, and how to breathe.</summary>
public sealed record MovementInstruction(
    MovementId Movement,
    string Name,
    string Region,
    IReadOnlyList<string> Steps,
    string Reps,
    string Tempo,
    string Breath,
    string Benefit)
{
    public static MovementInstruction From(PlannedMovement planned)
    {
        var movement = planned.Movement;
        return new MovementInstruction(
            movement.Id,
            movement.Name,
            RegionName(movement.Region),
            movement.Steps,
            movement.Reps.Describe(planned.Reps),
            TempoOf(movement),
            BreathOf(movement),
            movement.Benefit);
    }

    public static string RegionName(BodyRegion region) => region switch
    {
        BodyRegion.UpperBody => "Upper body",
        BodyRegion.LowerBody => "Lower body",
        _ => "Spine",
    };

    /// <summary>"About 2 s a phase, hold 3 s".</summary>
    private static string TempoOf(Movement movement)
    {
        var holds = movement.Phases.Where(p => p.Kind == PhaseKind.Hold).Select(p => p.Duration.TotalSeconds).ToList();
        var tempo = $"About {Phase.ControlledTempo.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s a phase";
        return holds.Count == 0 ? tempo : $"{tempo}, hold {holds[0].ToString(CultureInfo.InvariantCulture)} s";
    }

    /// <summary>"Inhale: arch the back (cow) · Exhale: round the spine (cat)".</summary>
    private static string BreathOf(Movement movement) =>
        string.Join(" · ", movement.Phases.Select(phase => $"{BreathWord(phase.Breath)}: {Lower(phase.Action)}"));

    private static string BreathWord(BreathCue cue) => cue switch
    {
        BreathCue.Inhale => "Inhale",
        BreathCue.Exhale => "Exhale",
        _ => "Breathe softly",
    };

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
