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

        var today = asOf.LocalDate(timeZone);
        var doneDays = log
            .Where(entry => entry.DoneAt <= asOf)
            .Select(entry => entry.DoneAt.LocalDate(timeZone))
            .Where(day => workDays.Contains(day.DayOfWeek))
            .ToHashSet();
        if (doneDays.Count == 0)
        {
            return None;
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
}
