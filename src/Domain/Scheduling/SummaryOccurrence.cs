using System.Globalization;

namespace MicroMove.Domain.Scheduling;

/// <summary>One due weekly summary of a person.</summary>
/// <param name="FirstDay">The Monday the summarised ISO week starts on (local date).</param>
/// <param name="LocalDate">The local date it is due on: the last work day of that week.</param>
/// <param name="LocalTime">The scheduled local wall time (the end of the work day), even when it fell in a DST gap.</param>
/// <param name="DueAt">The instant it is due, always with a UTC offset of zero.</param>
public sealed record SummaryOccurrence(DateOnly FirstDay, DateOnly LocalDate, TimeOnly LocalTime, DateTimeOffset DueAt)
{
    public DateTimeOffset DueAt { get; init => field = value.ToUniversalTime(); } = DueAt.ToUniversalTime();

    /// <summary>The last local date of the summarised week (a Sunday).</summary>
    public DateOnly LastDay => FirstDay.AddDays(6);

    /// <summary>
    /// Stable id of the week's summary for one person, e.g. "2026-W48/weekly-summary": one per
    /// ISO week, whatever the schedule, so a schedule change within the week cannot send a second one.
    /// </summary>
    public string Key => KeyOf(FirstDay);

    /// <summary>The key of the summary of the ISO week containing <paramref name="day"/>.</summary>
    public static string KeyOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}/{WeeklySummarySlot.Slug}");
    }

    /// <summary>The Monday of the week a <see cref="Key"/> names; false for anything else.</summary>
    public static bool TryParseWeek(string key, out DateOnly firstDay)
    {
        firstDay = default;
        var suffix = "/" + WeeklySummarySlot.Slug;
        if (key is null || key.Length != 8 + suffix.Length || !key.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        if (key[4] != '-' || key[5] != 'W'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        firstDay = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    /// <summary>The Monday of the ISO week containing <paramref name="day"/>.</summary>
    public static DateOnly WeekStartOf(DateOnly day) =>
        day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
