using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// Builds <see cref="WeeklyStatistics"/> from the article's log. Everything is
/// computed on local dates in the person's time zone, which is passed in.
/// </summary>
public static class WeeklyStatisticsCalculator
{
    public const int DaysInWeek = 7;

    private static readonly MovementId[] AllMovements = Enum.GetValues<MovementId>();
    private static readonly BodyRegion[] AllRegions = Enum.GetValues<BodyRegion>();

    /// <param name="timeZone">The person's own time zone.</param>
    /// <param name="workDays">The days of the week the person works; the streak counts only these.</param>
    /// <param name="firstDay">The local date the week starts on (e.g. a Monday); the week is seven days.</param>
    /// <param name="prompted">Prompts the scheduler planned; those outside the week are ignored.</param>
    /// <param name="log">
    /// Log entries of the week and of earlier weeks (e.g. the last eight): earlier ones feed the
    /// streak, the best streak and the previous week the trend compares with.
    /// </param>
    /// <param name="asOf">
    /// The instant the streak is taken at, usually now or the end of the week. It bounds only the
    /// streak: the week's other figures take every entry of the week.
    /// </param>
    public static WeeklyStatistics Calculate(
        TimeZoneInfo timeZone,
        IReadOnlySet<DayOfWeek> workDays,
        DateOnly firstDay,
        IEnumerable<PromptedSet> prompted,
        IEnumerable<LogEntry> log,
        DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(workDays);
        ArgumentNullException.ThrowIfNull(prompted);
        ArgumentNullException.ThrowIfNull(log);

        var entries = log.OrderBy(entry => entry.DoneAt).ToList();
        // Each entry's local date once: the week, the week before and each day all ask for it.
        var dated = entries.Select(entry => new DatedEntry(entry, entry.DoneAt.LocalDate(timeZone))).ToList();
        var thisWeek = InWeek(dated, firstDay);
        var previousWeek = InWeek(dated, firstDay.AddDays(-DaysInWeek));
        var delivered = prompted
            .Where(prompt => prompt.WasDelivered && IsInWeek(prompt.DueAt.LocalDate(timeZone), firstDay))
            .OrderBy(prompt => prompt.DueAt)
            .ThenBy(prompt => prompt.Routine)
            .ToList();

        var thisWeekEntries = thisWeek.Select(d => d.Entry).ToList();
        return new WeeklyStatistics(
            firstDay,
            new Completion(delivered.Count, CountAnswered(delivered, thisWeekEntries)),
            thisWeek.Count,
            thisWeekEntries.Count(entry => entry.Routine is null),
            WorkDayStreak.Calculate(entries, timeZone, workDays, asOf),
            LogFigures.AverageBefore(thisWeekEntries),
            LogFigures.AverageAfter(thisWeekEntries),
            LogFigures.AverageChange(thisWeekEntries),
            LogFigures.CountRegions(thisWeekEntries),
            Tightest(thisWeekEntries, [.. previousWeek.Select(d => d.Entry)]),
            MovementsOf(thisWeekEntries),
            DaysOf(thisWeek, workDays, firstDay));
    }

    private static bool IsInWeek(DateOnly date, DateOnly firstDay) =>
        date >= firstDay && date < firstDay.AddDays(DaysInWeek);

    private static List<DatedEntry> InWeek(IEnumerable<DatedEntry> entries, DateOnly firstDay) =>
        [.. entries.Where(entry => IsInWeek(entry.Date, firstDay))];

    /// <summary>
    /// Links entries to delivered prompts one-to-one: each entry, in time order, answers the
    /// earliest open prompt of its routine within the response window. With a fixed window
    /// this greedy choice links as many entries as possible, and never more than the prompts.
    /// </summary>
    private static int CountAnswered(IReadOnlyList<PromptedSet> delivered, IEnumerable<LogEntry> entries)
    {
        var open = delivered.ToList();
        var answered = 0;
        foreach (var entry in entries.Where(entry => entry.Routine is not null))
        {
            var index = open.FindIndex(prompt => prompt.IsAnsweredBy(entry));
            if (index >= 0)
            {
                open.RemoveAt(index);
                answered++;
            }
        }

        return answered;
    }

    private static RegionTightness? Tightest(IReadOnlyList<LogEntry> thisWeek, IReadOnlyList<LogEntry> previousWeek) =>
        AllRegions
            .Select(region => (Region: region, Rated: RatedAfter(thisWeek, region)))
            .Where(candidate => candidate.Rated.Count >= RegionTightness.MinimumRatedSets)
            .Select(candidate =>
            {
                var average = candidate.Rated.Average();
                var previous = RatedAfter(previousWeek, candidate.Region);
                double? previousAverage = previous.Count == 0 ? null : previous.Average();
                return new RegionTightness(
                    candidate.Region,
                    average,
                    candidate.Rated.Count,
                    previousAverage,
                    RegionTightness.TrendOf(average, previousAverage));
            })
            .OrderByDescending(tightness => tightness.AverageFatigueAfter)
            .ThenByDescending(tightness => tightness.RatedSets)
            .ThenBy(tightness => tightness.Region)
            .FirstOrDefault();

    private static List<double> RatedAfter(IEnumerable<LogEntry> entries, BodyRegion region) =>
        [.. entries
            .Where(entry => entry.Includes(region))
            .Select(entry => entry.After)
            .OfType<FatigueRating>()
            .Select(rating => (double)rating.Value)];

    private static List<MovementFigures> MovementsOf(IReadOnlyList<LogEntry> thisWeek) =>
        [.. AllMovements
            .Where(movement => thisWeek.Any(entry => entry.Movements.Contains(movement)))
            .Select(movement =>
            {
                var sets = thisWeek.Where(entry => entry.Movements.Contains(movement)).ToList();
                var after = sets.Select(entry => entry.After).OfType<FatigueRating>().Select(r => r.Value).ToList();
                return new MovementFigures(
                    movement,
                    sets.Count,
                    after.Count,
                    after.Count == 0 ? null : after.Average(),
                    after.Count == 0 ? null : after.Max());
            })];

    private static List<DailyFigures> DaysOf(
        IReadOnlyList<DatedEntry> thisWeek,
        IReadOnlySet<DayOfWeek> workDays,
        DateOnly firstDay) =>
        [.. Enumerable.Range(0, DaysInWeek)
            .Select(firstDay.AddDays)
            .Select(date =>
            {
                var sets = thisWeek.Where(entry => entry.Date == date).Select(entry => entry.Entry).ToList();
                return new DailyFigures(
                    date,
                    workDays.Contains(date.DayOfWeek),
                    sets.Count,
                    LogFigures.AverageBefore(sets),
                    LogFigures.AverageAfter(sets),
                    LogFigures.CountRegions(sets));
            })];

    /// <summary>A log entry with its local date in the person's zone.</summary>
    private readonly record struct DatedEntry(LogEntry Entry, DateOnly Date);
}
