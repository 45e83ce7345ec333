namespace MicroMove.Domain.Catalogue;

/// <summary>Whether the reps are counted once, or for each side, leg or direction.</summary>
public enum Sidedness
{
    Once,
    PerSide,
    PerLeg,
    PerDirection,
}
