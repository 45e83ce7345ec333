using System.Diagnostics.CodeAnalysis;
using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// What an on-demand instant set is aimed at (<c>now hips</c>, <c>now upper</c>): one of the
/// article's three regions, or a finer alias that names the movements for one part of it.
/// The article's specificity principle: pick the movements that isolate the region that needs it.
/// </summary>
public sealed record SetFocus
{
    private SetFocus(string name, BodyRegion region, IReadOnlyList<MovementId> core, IReadOnlyList<string> words)
    {
        Name = name;
        Region = region;
        Core = core;
        Words = words;
    }

    public static SetFocus UpperBody { get; } = new("upper body", BodyRegion.UpperBody, [], ["upper", "upper body", "upper-body", "upperbody"]);

    public static SetFocus LowerBody { get; } = new("lower body", BodyRegion.LowerBody, [], ["lower", "lower body", "lower-body", "lowerbody"]);

    public static SetFocus Spine { get; } = new("spine", BodyRegion.Spine, [], ["spine"]);

    public static SetFocus Neck { get; } = new("neck", BodyRegion.UpperBody, [MovementId.NeckFlexionExtensionWaves], ["neck"]);

    public static SetFocus Shoulders { get; } = new(
        "shoulders", BodyRegion.UpperBody, [MovementId.ScapularRetractionPulses, MovementId.ArmWindmills], ["shoulders", "shoulder"]);

    public static SetFocus Hips { get; } = new("hips", BodyRegion.LowerBody, [MovementId.SeatedHipFlexorTwists], ["hips", "hip"]);

    public static SetFocus Legs { get; } = new(
        "legs", BodyRegion.LowerBody, [MovementId.AnklePumps, MovementId.KneeExtensionsWithIsometricHold], ["legs", "leg"]);

    public static SetFocus Back { get; } = new(
        "back", BodyRegion.Spine, [MovementId.SeatedCatCow, MovementId.LateralFlexionSlides], ["back"]);

    public static IReadOnlyList<SetFocus> All { get; } = [UpperBody, LowerBody, Spine, Neck, Shoulders, Hips, Legs, Back];

    /// <summary>How the person calls it, for messages: "hips", "upper body".</summary>
    public string Name { get; }

    /// <summary>The region the set stays in; an alias's movements all belong to it.</summary>
    public BodyRegion Region { get; }

    /// <summary>
    /// The movements an alias names (hips → hip flexor twists). Empty for a whole region,
    /// whose movements the rotation chooses like any other.
    /// </summary>
    public IReadOnlyList<MovementId> Core { get; }

    /// <summary>The words a person may type for it.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsWholeRegion => Core.Count == 0;

    public static SetFocus ForRegion(BodyRegion region) => region switch
    {
        BodyRegion.UpperBody => UpperBody,
        BodyRegion.LowerBody => LowerBody,
        BodyRegion.Spine => Spine,
        _ => throw new DomainException($"Unknown region {region}."),
    };

    /// <summary>Reads what follows <c>now</c>: "hips", "Upper body", " legs ". Case and outer spaces do not matter.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SetFocus? focus)
    {
        var word = string.Join(' ', (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        focus = All.FirstOrDefault(f => f.Words.Any(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase)));
        return focus is not null;
    }
}
