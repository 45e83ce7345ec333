using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>Small helpers so reasons read as plain sentences.</summary>
internal static class Wording
{
    /// <summary>"Seated cat-cow" → "seated cat-cow", for the middle of a sentence.</summary>
    public static string Name(Movement movement) =>
        movement.Name.Length == 0 ? movement.Name : char.ToLowerInvariant(movement.Name[0]) + movement.Name[1..];

    public static string Name(BodyRegion region) => region switch
    {
        BodyRegion.UpperBody => "upper body",
        BodyRegion.LowerBody => "lower body",
        _ => "spine",
    };

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} and {all[^1]}";
    }
}
