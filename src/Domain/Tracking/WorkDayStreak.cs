using System.Buffers;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// Consecutive work days with at least one set done, counted in the person's time zone.
/// Non-work days neither break nor extend a streak; today, not yet done, does not break
/// the current one. <see cref="Best"/> is the longest run in the log given (which may be
/// only the last weeks), and is never less than <see cref="Current"/>.
/// </summary>
public sealed record WorkDayStreak(int Current, int Best)
{
    public static WorkDayStreak None { get; } = new(0, 0);

    /// <summary>The streak as of <paramref name="asOf"/>: entries done after it are ignored.</summary>
    public static WorkDayStreak Calculate(
        IEnumerable<LogEntry> log,
        TimeZoneInfo timeZone,
        IReadOnlySet<DayOfWeek> workDays,
        DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(workDays);

        var dated = log.Select(entry => new DatedSet(LoggedSet.From(entry), entry.DoneAt.LocalDate(timeZone))).ToArray();
        return FromDatedSets(dated, asOf, asOf.LocalDate(timeZone), WeeklyStatisticsCalculator.WorkDayMask(workDays));
    }

    /// <summary>The streak from sets with their local dates (in any order), <paramref name="today"/> being <paramref name="asOf"/>'s local date.</summary>
    internal static WorkDayStreak FromDatedSets(ReadOnlySpan<DatedSet> log, DateTimeOffset asOf, DateOnly today, int workDayMask)
    {
        var buffer = ArrayPool<DateOnly>.Shared.Rent(log.Length);
        try
        {
            var count = 0;
            foreach (var (set, date) in log)
            {
                if (set.DoneAt <= asOf && WeeklyStatisticsCalculator.IsWorkDay(workDayMask, date))
                {
                    buffer[count++] = date;
                }
            }

            if (count == 0)
            {
                return None;
            }

            // Done days in order, walked alongside the calendar from the first of them to today.
            var doneDays = buffer.AsSpan(0, count);
            doneDays.Sort();
            var next = 0;
            var run = 0;
            var best = 0;
            for (var day = doneDays[0]; day <= today; day = day.AddDays(1))
            {
                if (!WeeklyStatisticsCalculator.IsWorkDay(workDayMask, day))
                {
                    continue;
                }

                while (next < doneDays.Length && doneDays[next] < day)
                {
                    next++;
                }

                if (next < doneDays.Length && doneDays[next] == day)
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
        finally
        {
            ArrayPool<DateOnly>.Shared.Return(buffer);
        }
    }
}
