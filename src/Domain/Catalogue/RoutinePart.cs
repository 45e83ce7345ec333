namespace MicroMove.Domain.Catalogue;

/// <summary>
/// One movement of a routine: the article names it (<see cref="Suggested"/>), or only
/// its region ("one of the lower-body twists"). The rotation may swap a suggested
/// movement for another of the same region, for variation.
/// </summary>
public sealed record RoutinePart(BodyRegion Region, MovementId? Suggested = null);
