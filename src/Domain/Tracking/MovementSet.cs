using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// The movements of one logged set as bits, one per <see cref="MovementId"/>: statistics ask
/// "did this set include movement m / work region r" for every set of a week, and a bit test
/// answers both without a list or a catalogue lookup.
/// </summary>
public readonly record struct MovementSet
{
    // MovementId's values run 0..n−1 (a test holds them to it), so each has a bit of an int.
    private static readonly int MovementCount = Enum.GetValues<MovementId>().Length;
    private static readonly int[] RegionBits = BuildRegionBits();

    private readonly int _bits;

    private MovementSet(int bits) => _bits = bits;

    public static MovementSet Empty => default;

    public bool IsEmpty => _bits == 0;

    public static MovementSet Of(IEnumerable<MovementId> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var set = Empty;
        if (movements is IReadOnlyList<MovementId> list)
        {
            // Indexed: a log entry's list, without an enumerator per entry.
            for (var i = 0; i < list.Count; i++)
            {
                set = set.With(list[i]);
            }

            return set;
        }

        foreach (var movement in movements)
        {
            set = set.With(movement);
        }

        return set;
    }

    /// <summary>This set and <paramref name="movement"/> (adding one twice changes nothing).</summary>
    public MovementSet With(MovementId movement) => new(_bits | Bit(movement));

    public bool Contains(MovementId movement) => (_bits & Bit(movement)) != 0;

    /// <summary>Whether a movement of the set works <paramref name="region"/>.</summary>
    public bool Works(BodyRegion region) =>
        (uint)region < (uint)RegionBits.Length && (_bits & RegionBits[(int)region]) != 0;

    private static int Bit(MovementId movement) =>
        (uint)movement < (uint)MovementCount ? 1 << (int)movement : throw new ArgumentOutOfRangeException(nameof(movement), movement, "Not a movement of the catalogue.");

    private static int[] BuildRegionBits()
    {
        var bits = new int[Enum.GetValues<BodyRegion>().Length];
        foreach (var movement in MovementCatalogue.Movements)
        {
            bits[(int)movement.Region] |= 1 << (int)movement.Id;
        }

        return bits;
    }
}
