using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// The article's tracking log: when a set was done, which movements, perceived
/// fatigue before and after (1–5) and a note. <see cref="Routine"/> is null for an
/// instant set asked for on demand.
/// </summary>
public sealed record LogEntry(
    DateTimeOffset DoneAt,
    IReadOnlyList<MovementId> Movements,
    FatigueRating? Before,
    FatigueRating? After,
    string? Note,
    RoutineKind? Routine)
{
    /// <summary>Negative when the set helped (fatigue went down); null unless both ratings were given.</summary>
    public int? FatigueChange => Before is { } before && After is { } after ? after.Value - before.Value : null;

    public IEnumerable<BodyRegion> Regions => Movements.Select(m => MovementCatalogue.Get(m).Region).Distinct();

    /// <summary>Whether a movement of this set works <paramref name="region"/>; allocation-free, as statistics ask it per region per entry.</summary>
    public bool Includes(BodyRegion region)
    {
        for (var i = 0; i < Movements.Count; i++)
        {
            if (MovementCatalogue.Get(Movements[i]).Region == region)
            {
                return true;
            }
        }

        return false;
    }
}
