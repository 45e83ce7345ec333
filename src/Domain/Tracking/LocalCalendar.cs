using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>Local dates in the person's own time zone, and small helpers shared by the statistics.</summary>
internal static class LocalCalendar
{
    public static DateOnly LocalDate(this DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    public static IReadOnlyDictionary<BodyRegion, int> CountRegions(IEnumerable<LogEntry> entries)
    {
        var counts = Enum.GetValues<BodyRegion>().ToDictionary(region => region, _ => 0);
        foreach (var region in entries.SelectMany(entry => entry.Regions))
        {
            counts[region]++;
        }

        return counts;
    }

    public static double? AverageBefore(IEnumerable<LogEntry> entries) => Average(entries.Select(e => e.Before));

    public static double? AverageAfter(IEnumerable<LogEntry> entries) => Average(entries.Select(e => e.After));

    private static double? Average(IEnumerable<FatigueRating?> ratings)
    {
        var values = ratings.OfType<FatigueRating>().Select(r => r.Value).ToList();
        return values.Count == 0 ? null : (double)values.Sum() / values.Count;
    }
}
