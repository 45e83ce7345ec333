using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Challenges;

/// <summary>
/// When a challenge happens: its days (counted in the creator's work days), where a given moment
/// falls in it, and the instants of its daily updates (the creator's end of day, in their zone).
/// </summary>
public static class ChallengeCalendar
{
    /// <summary>
    /// <paramref name="count"/> work days from <paramref name="from"/> on (inclusive): a challenge of
    /// 5 days started on a Wednesday by someone working Monday to Friday runs Wednesday to Tuesday.
    /// </summary>
    public static IReadOnlyList<DateOnly> WorkDaysFrom(DateOnly from, int count, IReadOnlySet<DayOfWeek> workDays)
    {
        if (count is < ChallengeRules.MinDays or > ChallengeRules.MaxDays)
        {
            throw new DomainException($"A challenge lasts {ChallengeRules.MinDays} to {ChallengeRules.MaxDays} work days.");
        }

        if (workDays.Count == 0)
        {
            throw new DomainException("A challenge needs someone who works on at least one day of the week.");
        }

        var days = new List<DateOnly>(count);
        for (var day = from; days.Count < count; day = day.AddDays(1))
        {
            if (workDays.Contains(day.DayOfWeek))
            {
                days.Add(day);
            }
        }

        return days;
    }

    /// <summary>The first work day on or after <paramref name="date"/>: a challenge started on a Saturday begins on Monday.</summary>
    public static DateOnly FirstWorkDayFrom(DateOnly date, IReadOnlySet<DayOfWeek> workDays)
    {
        if (workDays.Count == 0)
        {
            return date;
        }

        while (!workDays.Contains(date.DayOfWeek))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/> (DST gaps move it to the gap's end).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        LocalTimeResolver.ToInstant(date.ToDateTime(time), zone);

    /// <summary>The first daily update strictly after <paramref name="after"/>, or null when the last one has passed.</summary>
    public static ChallengeUpdate? NextUpdateAfter(Challenge challenge, TimeOnly updateTime, TimeZoneInfo zone, DateTimeOffset after)
    {
        foreach (var (day, index) in challenge.Days.Select((d, i) => (d, i)))
        {
            var at = At(day, updateTime, zone);
            if (at > after)
            {
                return new ChallengeUpdate(day, index + 1, at, IsFinal: index == challenge.Days.Count - 1);
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="asOf"/> falls in the challenge, on the calendar of <paramref name="zone"/> (the creator's).</summary>
    public static ChallengeProgress Progress(Challenge challenge, TimeZoneInfo zone, DateTimeOffset asOf, bool ended)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, zone).DateTime);
        if (ended || today > challenge.EndsOn)
        {
            return new ChallengeProgress(ChallengeStage.Finished, challenge.Days.Count, 0);
        }

        if (today < challenge.StartsOn)
        {
            return new ChallengeProgress(ChallengeStage.NotStarted, 0, challenge.Days.Count);
        }

        var passed = challenge.Days.Count(d => d < today);
        var isDay = challenge.Days.Contains(today);
        var dayNumber = isDay ? passed + 1 : passed;
        return new ChallengeProgress(ChallengeStage.Running, dayNumber, challenge.Days.Count - passed);
    }
}
