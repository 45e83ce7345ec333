using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>
/// The weekly statistics as first written, with LINQ over <see cref="LogEntry"/> lists: slow but
/// plainly right. Kept as the oracle the allocation-light <see cref="WeeklyStatisticsCalculator"/>
/// must agree with, figure for figure, on generated weeks.
/// </summary>
internal static class ReferenceStatistics
{
    private static readonly MovementId[] AllMovements = Enum.GetValues<MovementId>();
    private static readonly BodyRegion[] AllRegions = Enum.GetValues<BodyRegion>();

    public static WeeklyStatistics Calculate(
        TimeZoneInfo timeZone, IReadOnlySet<DayOfWeek> workDays, DateOnly firstDay, IEnumerable<PromptedSet> prompted, IEnumerable<LogEntry> log, DateTimeOffset asOf)
    {
        var entries = log.OrderBy(entry => entry.DoneAt).ToList();
        var dated = entries.Select(entry => (Entry: entry, Date: LocalDate(entry.DoneAt, timeZone))).ToList();
        var thisWeek = dated.Where(d => IsInWeek(d.Date, firstDay)).ToList();
        var previousWeek = dated.Where(d => IsInWeek(d.Date, firstDay.AddDays(-7))).ToList();
        var delivered = prompted
            .Where(prompt => prompt.WasDelivered && IsInWeek(LocalDate(prompt.DueAt, timeZone), firstDay))
            .OrderBy(prompt => prompt.DueAt)
            .ThenBy(prompt => prompt.Routine)
            .ToList();

        var thisWeekEntries = thisWeek.Select(d => d.Entry).ToList();
        return new WeeklyStatistics(
            firstDay,
            new Completion(delivered.Count, CountAnswered(delivered, thisWeekEntries)),
            thisWeek.Count,
            thisWeekEntries.Count(entry => entry.Routine is null),
            Streak(entries, timeZone, workDays, asOf),
            Average(thisWeekEntries.Select(e => e.Before)),
            Average(thisWeekEntries.Select(e => e.After)),
            thisWeekEntries.Select(e => e.FatigueChange).OfType<int>().ToList() is { Count: > 0 } changes ? changes.Average() : null,
            CountRegions(thisWeekEntries),
            Tightest(thisWeekEntries, [.. previousWeek.Select(d => d.Entry)]),
            MovementsOf(thisWeekEntries),
            [.. Enumerable.Range(0, 7).Select(firstDay.AddDays).Select(date =>
            {
                var sets = thisWeek.Where(entry => entry.Date == date).Select(entry => entry.Entry).ToList();
                return new DailyFigures(
                    date, workDays.Contains(date.DayOfWeek), sets.Count, Average(sets.Select(e => e.Before)), Average(sets.Select(e => e.After)), CountRegions(sets));
            })]);
    }

    public static WorkDayStreak Streak(IEnumerable<LogEntry> log, TimeZoneInfo timeZone, IReadOnlySet<DayOfWeek> workDays, DateTimeOffset asOf)
    {
        var today = LocalDate(asOf, timeZone);
        var doneDays = log
            .Where(entry => entry.DoneAt <= asOf)
            .Select(entry => LocalDate(entry.DoneAt, timeZone))
            .Where(day => workDays.Contains(day.DayOfWeek))
            .ToHashSet();
        if (doneDays.Count == 0)
        {
            return WorkDayStreak.None;
        }

        var run = 0;
        var best = 0;
        for (var day = doneDays.Min(); day <= today; day = day.AddDays(1))
        {
            if (!workDays.Contains(day.DayOfWeek))
            {
                continue;
            }

            if (doneDays.Contains(day))
            {
                run++;
                best = Math.Max(best, run);
            }
            else if (day != today)
            {
                run = 0;
            }
        }

        return new WorkDayStreak(run, best);
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static bool IsInWeek(DateOnly date, DateOnly firstDay) => date >= firstDay && date < firstDay.AddDays(7);

    private static int CountAnswered(List<PromptedSet> delivered, List<LogEntry> entries)
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

    private static Dictionary<BodyRegion, int> CountRegions(List<LogEntry> entries) =>
        AllRegions.ToDictionary(region => region, region => entries.Count(entry => entry.Includes(region)));

    private static double? Average(IEnumerable<FatigueRating?> ratings) =>
        ratings.OfType<FatigueRating>().Select(r => r.Value).ToList() is { Count: > 0 } values ? values.Average() : null;

    private static RegionTightness? Tightest(List<LogEntry> thisWeek, List<LogEntry> previousWeek) =>
        AllRegions
            .Select(region => (Region: region, Rated: RatedAfter(thisWeek, region)))
            .Where(candidate => candidate.Rated.Count >= RegionTightness.MinimumRatedSets)
            .Select(candidate =>
            {
                var average = candidate.Rated.Average();
                var previous = RatedAfter(previousWeek, candidate.Region);
                double? previousAverage = previous.Count == 0 ? null : previous.Average();
                return new RegionTightness(candidate.Region, average, candidate.Rated.Count, previousAverage, RegionTightness.TrendOf(average, previousAverage));
            })
            .OrderByDescending(tightness => tightness.AverageFatigueAfter)
            .ThenByDescending(tightness => tightness.RatedSets)
            .ThenBy(tightness => tightness.Region)
            .FirstOrDefault();

    private static List<double> RatedAfter(List<LogEntry> entries, BodyRegion region) =>
        [.. entries.Where(entry => entry.Includes(region)).Select(entry => entry.After).OfType<FatigueRating>().Select(rating => (double)rating.Value)];

    private static List<MovementFigures> MovementsOf(List<LogEntry> thisWeek) =>
        [.. AllMovements
            .Where(movement => thisWeek.Any(entry => entry.Movements.Contains(movement)))
            .Select(movement =>
            {
                var sets = thisWeek.Where(entry => entry.Movements.Contains(movement)).ToList();
                var after = sets.Select(entry => entry.After).OfType<FatigueRating>().Select(r => r.Value).ToList();
                return new MovementFigures(movement, sets.Count, after.Count, after.Count == 0 ? null : after.Average(), after.Count == 0 ? null : after.Max());
            })];
}
