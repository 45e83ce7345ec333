using System.Collections;
using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// Sets per region, every region present in <see cref="BodyRegion"/>'s order: a read-only
/// dictionary over an array indexed by region. A summary holds eight of these (the week and
/// its seven days), so they are the size of their counts rather than of a hash table.
/// </summary>
internal sealed class RegionCounts : IReadOnlyDictionary<BodyRegion, int>
{
    private static readonly BodyRegion[] AllRegions = Enum.GetValues<BodyRegion>();

    private readonly int[] _counts = new int[AllRegions.Length];

    public static int RegionCount => AllRegions.Length;

    public int Count => _counts.Length;

    public IEnumerable<BodyRegion> Keys => AllRegions;

    public IEnumerable<int> Values => _counts;

    public int this[BodyRegion key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No region {key}.");

    /// <summary>Counts one set for every region its movements work.</summary>
    public void Add(MovementSet movements)
    {
        for (var region = 0; region < _counts.Length; region++)
        {
            if (movements.Works((BodyRegion)region))
            {
                _counts[region]++;
            }
        }
    }

    public bool ContainsKey(BodyRegion key) => (uint)key < (uint)_counts.Length;

    public bool TryGetValue(BodyRegion key, out int value)
    {
        if (ContainsKey(key))
        {
            value = _counts[(int)key];
            return true;
        }

        value = 0;
        return false;
    }

    public IEnumerator<KeyValuePair<BodyRegion, int>> GetEnumerator()
    {
        for (var region = 0; region < _counts.Length; region++)
        {
            yield return new KeyValuePair<BodyRegion, int>(AllRegions[region], _counts[region]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
