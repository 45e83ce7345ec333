using System.Buffers;
using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// Builds <see cref="WeeklyStatistics"/> from the article's log. Everything is
/// computed on local dates in the person's time zone, which is passed in.
/// </summary>
/// <remarks>
/// A Friday evening builds a summary for everyone in a zone at once, so this runs in one pass
/// over the log with counters in arrays indexed by day, movement and region (buffers from the
/// shared pool), and allocates little beyond the figures it returns.
/// </remarks>
public static class WeeklyStatisticsCalculator
{
    public const int DaysInWeek = 7;

    private static readonly int MovementCount = Enum.GetValues<MovementId>().Length;

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
        ArgumentNullException.ThrowIfNull(log);
        var sets = log.Select(LoggedSet.From).ToArray();
        return FromLoggedSets(timeZone, workDays, firstDay, prompted, sets, asOf);
    }

    /// <summary>The same figures from log entries read as values (see <see cref="LoggedSet"/>), in any order.</summary>
    public static WeeklyStatistics FromLoggedSets(
        TimeZoneInfo timeZone,
        IReadOnlySet<DayOfWeek> workDays,
        DateOnly firstDay,
        IEnumerable<PromptedSet> prompted,
        ReadOnlySpan<LoggedSet> log,
        DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(workDays);
        ArgumentNullException.ThrowIfNull(prompted);

        var workDayMask = WorkDayMask(workDays);
        var buffer = ArrayPool<DatedSet>.Shared.Rent(log.Length);
        try
        {
            // Each entry's local date once, in time order: the week, the week before, the days and the streak all ask for it.
            var entries = buffer.AsSpan(0, log.Length);
            InTimeOrder(log, timeZone, entries);
            var delivered = DeliveredInWeek(prompted, timeZone, firstDay);
            return Tally(entries, firstDay, workDayMask, delivered, WorkDayStreak.FromDatedSets(entries, asOf, asOf.LocalDate(timeZone), workDayMask));
        }
        finally
        {
            ArrayPool<DatedSet>.Shared.Return(buffer);
        }
    }

    internal static int WorkDayMask(IReadOnlySet<DayOfWeek> workDays)
    {
        var mask = 0;
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            if (workDays.Contains(day))
            {
                mask |= 1 << (int)day;
            }
        }

        return mask;
    }

    internal static bool IsWorkDay(int workDayMask, DateOnly date) => (workDayMask & (1 << (int)date.DayOfWeek)) != 0;

    /// <summary>The log with local dates, sorted by time (entries done at the same instant keep their order, so the result never depends on the sort).</summary>
    private static void InTimeOrder(ReadOnlySpan<LoggedSet> log, TimeZoneInfo timeZone, Span<DatedSet> sorted)
    {
        var keys = ArrayPool<(long Ticks, int Index)>.Shared.Rent(log.Length);
        try
        {
            var order = keys.AsSpan(0, log.Length);
            for (var i = 0; i < log.Length; i++)
            {
                order[i] = (log[i].DoneAt.UtcTicks, i);
            }

            order.Sort();
            for (var i = 0; i < order.Length; i++)
            {
                var set = log[order[i].Index];
                sorted[i] = new DatedSet(set, set.DoneAt.LocalDate(timeZone));
            }
        }
        finally
        {
            ArrayPool<(long, int)>.Shared.Return(keys);
        }
    }

    /// <summary>The week's delivered prompts by due time, then routine; prompts due at the same time and of the same routine keep their order.</summary>
    private static PromptedSet[] DeliveredInWeek(IEnumerable<PromptedSet> prompted, TimeZoneInfo timeZone, DateOnly firstDay)
    {
        var inWeek = new List<(long Ticks, RoutineKind Routine, int Index, PromptedSet Prompt)>(prompted.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var prompt in prompted)
        {
            if (prompt.WasDelivered && DayIndex(prompt.DueAt.LocalDate(timeZone), firstDay) is >= 0 and < DaysInWeek)
            {
                inWeek.Add((prompt.DueAt.UtcTicks, prompt.Routine, inWeek.Count, prompt));
            }
        }

        if (inWeek.Count == 0)
        {
            return [];
        }

        inWeek.Sort((a, b) => (a.Ticks, a.Routine, a.Index).CompareTo((b.Ticks, b.Routine, b.Index)));
        var delivered = new PromptedSet[inWeek.Count];
        for (var i = 0; i < delivered.Length; i++)
        {
            delivered[i] = inWeek[i].Prompt;
        }

        return delivered;
    }

    /// <summary>Days from <paramref name="firstDay"/> to <paramref name="date"/>: 0..6 in the week, −7..−1 in the week before.</summary>
    private static int DayIndex(DateOnly date, DateOnly firstDay) => date.DayNumber - firstDay.DayNumber;

    private static WeeklyStatistics Tally(ReadOnlySpan<DatedSet> entries, DateOnly firstDay, int workDayMask, PromptedSet[] delivered, WorkDayStreak streak)
    {
        var setsDone = 0;
        var instantSets = 0;
        Ratings before = default, after = default, change = default;
        var regions = new RegionCounts();
        Span<int> daySets = stackalloc int[DaysInWeek];
        Span<Ratings> dayBefore = stackalloc Ratings[DaysInWeek];
        Span<Ratings> dayAfter = stackalloc Ratings[DaysInWeek];
        var dayRegions = new RegionCounts[DaysInWeek];
        for (var day = 0; day < DaysInWeek; day++)
        {
            dayRegions[day] = new RegionCounts();
        }

        Span<int> movementSets = stackalloc int[MovementCount];
        Span<Ratings> movementAfter = stackalloc Ratings[MovementCount];
        Span<int> movementHighest = stackalloc int[MovementCount];
        Span<Ratings> regionAfter = stackalloc Ratings[RegionCounts.RegionCount];
        Span<Ratings> previousRegionAfter = stackalloc Ratings[RegionCounts.RegionCount];

        foreach (var (set, date) in entries)
        {
            var day = DayIndex(date, firstDay);
            if (day is < -DaysInWeek or >= DaysInWeek)
            {
                continue;
            }

            if (day < 0)
            {
                // The week before: only the tightest region's trend looks at it.
                AddPerRegion(previousRegionAfter, set.Movements, set.After);
                continue;
            }

            setsDone++;
            instantSets += set.Routine is null ? 1 : 0;
            before.Add(set.Before);
            after.Add(set.After);
            if (set.Before is { } b && set.After is { } a)
            {
                change.Add(a.Value - b.Value);
            }

            regions.Add(set.Movements);
            daySets[day]++;
            dayBefore[day].Add(set.Before);
            dayAfter[day].Add(set.After);
            dayRegions[day].Add(set.Movements);
            AddPerRegion(regionAfter, set.Movements, set.After);
            for (var movement = 0; movement < MovementCount; movement++)
            {
                if (set.Movements.Contains((MovementId)movement))
                {
                    movementSets[movement]++;
                    movementAfter[movement].Add(set.After);
                    if (set.After is { } rated && rated.Value > movementHighest[movement])
                    {
                        movementHighest[movement] = rated.Value;
                    }
                }
            }
        }

        var days = new DailyFigures[DaysInWeek];
        for (var day = 0; day < DaysInWeek; day++)
        {
            var date = firstDay.AddDays(day);
            days[day] = new DailyFigures(date, IsWorkDay(workDayMask, date), daySets[day], dayBefore[day].Average, dayAfter[day].Average, dayRegions[day]);
        }

        return new WeeklyStatistics(
            firstDay,
            new Completion(delivered.Length, CountAnswered(delivered, entries, firstDay)),
            setsDone,
            instantSets,
            streak,
            before.Average,
            after.Average,
            change.Average,
            regions,
            Tightest(regionAfter, previousRegionAfter),
            MovementsOf(movementSets, movementAfter, movementHighest),
            days);
    }

    private static void AddPerRegion(Span<Ratings> perRegion, MovementSet movements, FatigueRating? after)
    {
        for (var region = 0; region < perRegion.Length; region++)
        {
            if (movements.Works((BodyRegion)region))
            {
                perRegion[region].Add(after);
            }
        }
    }

    /// <summary>
    /// Links entries to delivered prompts one-to-one: each entry, in time order, answers the
    /// earliest open prompt of its routine within the response window. With a fixed window
    /// this greedy choice links as many entries as possible, and never more than the prompts.
    /// </summary>
    private static int CountAnswered(PromptedSet[] delivered, ReadOnlySpan<DatedSet> entries, DateOnly firstDay)
    {
        if (delivered.Length == 0)
        {
            return 0;
        }

        Span<bool> answered = delivered.Length <= 256 ? stackalloc bool[delivered.Length] : new bool[delivered.Length];
        var count = 0;
        foreach (var (set, date) in entries)
        {
            if (set.Routine is null || DayIndex(date, firstDay) is < 0 or >= DaysInWeek)
            {
                continue;
            }

            for (var i = 0; i < delivered.Length; i++)
            {
                if (!answered[i] && delivered[i].IsAnsweredBy(set.DoneAt, set.Routine))
                {
                    answered[i] = true;
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>The region with the highest average fatigue after its rated sets (at least <see cref="RegionTightness.MinimumRatedSets"/>); ties go to more rated sets, then to the first region.</summary>
    private static RegionTightness? Tightest(ReadOnlySpan<Ratings> thisWeek, ReadOnlySpan<Ratings> previousWeek)
    {
        RegionTightness? tightest = null;
        for (var region = 0; region < thisWeek.Length; region++)
        {
            if (thisWeek[region].Count < RegionTightness.MinimumRatedSets || thisWeek[region].Average is not { } average)
            {
                continue;
            }

            var rated = thisWeek[region].Count;
            if (tightest is null || average > tightest.AverageFatigueAfter || (average == tightest.AverageFatigueAfter && rated > tightest.RatedSets))
            {
                var previousAverage = previousWeek[region].Average;
                tightest = new RegionTightness((BodyRegion)region, average, rated, previousAverage, RegionTightness.TrendOf(average, previousAverage));
            }
        }

        return tightest;
    }

    private static MovementFigures[] MovementsOf(ReadOnlySpan<int> sets, ReadOnlySpan<Ratings> after, ReadOnlySpan<int> highest)
    {
        var done = 0;
        foreach (var count in sets)
        {
            done += count > 0 ? 1 : 0;
        }

        var figures = new MovementFigures[done];
        var next = 0;
        for (var movement = 0; movement < sets.Length; movement++)
        {
            if (sets[movement] > 0)
            {
                figures[next++] = new MovementFigures(
                    (MovementId)movement,
                    sets[movement],
                    after[movement].Count,
                    after[movement].Average,
                    after[movement].Count == 0 ? null : highest[movement]);
            }
        }

        return figures;
    }

    /// <summary>A running sum and count of ratings (or of changes between them); its average is sum ÷ count, as LINQ's Average of ints gives it.</summary>
    private struct Ratings
    {
        private long _sum;

        public int Count { get; private set; }

        public readonly double? Average => Count == 0 ? null : (double)_sum / Count;

        public void Add(FatigueRating? rating)
        {
            if (rating is { } r)
            {
                Add(r.Value);
            }
        }

        public void Add(int value)
        {
            _sum += value;
            Count++;
        }
    }
}

/// <summary>A logged set with its local date in the person's zone.</summary>
internal readonly record struct DatedSet(LoggedSet Set, DateOnly Date);
