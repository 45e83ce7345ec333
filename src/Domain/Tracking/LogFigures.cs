using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>Counts and averages over a group of log entries, shared by the week and its days.</summary>
internal static class LogFigures
{
    private static readonly BodyRegion[] AllRegions = Enum.GetValues<BodyRegion>();

    /// <summary>Every region, with the number of entries that included it (an entry counts once per region).</summary>
    public static IReadOnlyDictionary<BodyRegion, int> CountRegions(IReadOnlyList<LogEntry> entries)
    {
        // A plain dictionary: a summary builds eight of these (the week and its days) and reads each once or twice.
        var counts = new Dictionary<BodyRegion, int>(AllRegions.Length);
        foreach (var region in AllRegions)
        {
            var count = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Includes(region))
                {
                    count++;
                }
            }

            counts[region] = count;
        }

        return counts;
    }

    public static double? AverageBefore(IEnumerable<LogEntry> entries) => Average(entries.Select(e => e.Before));

    public static double? AverageAfter(IEnumerable<LogEntry> entries) => Average(entries.Select(e => e.After));

    public static double? AverageChange(IEnumerable<LogEntry> entries)
    {
        var changes = entries.Select(e => e.FatigueChange).OfType<int>().ToList();
        return changes.Count == 0 ? null : changes.Average();
    }

    private static double? Average(IEnumerable<FatigueRating?> ratings)
    {
        var values = ratings.OfType<FatigueRating>().Select(r => r.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
