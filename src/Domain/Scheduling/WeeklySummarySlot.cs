namespace MicroMove.Domain.Scheduling;

/// <summary>
/// When a person's weekly summary is due: at the end of their local work week, i.e. on the last
/// work day of each ISO week (Monday–Sunday) at <see cref="WorkSchedule.DayEnd"/>, after the
/// end-of-day set. Pure; time comes in as a parameter.
/// </summary>
/// <remarks>
/// <para>Daylight saving is handled like <see cref="NextSlotCalculator"/> (see
/// <see cref="LocalTimeResolver.ToInstant"/>): an ambiguous end of day counts at its first
/// occurrence, one in a gap is due at the first instant after the gap.</para>
/// <para>A pause does not hold the summary back: it reports on the week, it is not a prompt.
/// A week with no work day has no summary.</para>
/// </remarks>
public static class WeeklySummarySlot
{
    /// <summary>The routine-like name in the key; never change it once stored.</summary>
    public const string Slug = "weekly-summary";

    private const int DaysInWeek = 7;

    /// <summary>
    /// The first summary due strictly after <paramref name="after"/>; <see langword="null"/> when the
    /// schedule has no work day. The zone must be the one named by <see cref="WorkSchedule.TimeZoneId"/>.
    /// </summary>
    public static SummaryOccurrence? NextAfter(WorkSchedule schedule, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(zone);
        if (schedule.WorkDays.Count == 0)
        {
            return null;
        }

        // A day early: an end of day in a gap that spans midnight is due on the next local date.
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var monday = SummaryOccurrence.WeekStartOf(localToday.AddDays(-1));
        for (var week = 0; week < 3; week++)
        {
            if (InWeek(schedule, zone, monday.AddDays(week * DaysInWeek)) is { } occurrence && occurrence.DueAt > after)
            {
                return occurrence;
            }
        }

        return null;
    }

    /// <summary>The summary of the ISO week starting on <paramref name="monday"/>; null when it has no work day.</summary>
    public static SummaryOccurrence? InWeek(WorkSchedule schedule, TimeZoneInfo zone, DateOnly monday)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(zone);
        if (monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException("A week starts on a Monday.", nameof(monday));
        }

        for (var offset = DaysInWeek - 1; offset >= 0; offset--)
        {
            var day = monday.AddDays(offset);
            if (schedule.WorkDays.Contains(day.DayOfWeek))
            {
                var dueAt = LocalTimeResolver.ToInstant(day.ToDateTime(schedule.DayEnd), zone);
                return new SummaryOccurrence(monday, day, schedule.DayEnd, dueAt);
            }
        }

        return null;
    }
}
