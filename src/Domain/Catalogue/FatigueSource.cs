namespace MicroMove.Domain.Catalogue;

/// <summary>A source of sitting fatigue: its symptoms, the structures it loads and the movements that address it.</summary>
public sealed record FatigueSource(
    FatigueSourceId Id,
    string Name,
    IReadOnlyList<string> Symptoms,
    IReadOnlyList<string> Structures,
    IReadOnlyList<MovementId> AddressedBy);
