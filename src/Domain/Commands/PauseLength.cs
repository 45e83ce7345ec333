namespace MicroMove.Domain.Commands;

/// <summary>
/// How long a pause lasts, as the person said it: a duration ("30m", "2h"), the rest of
/// today, or until the start of a named day ("until monday").
/// </summary>
public sealed record PauseLength
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    private PauseLength(TimeSpan? duration, DayOfWeek? untilDay, bool restOfToday)
    {
        Duration = duration;
        UntilDay = untilDay;
        IsRestOfToday = restOfToday;
    }

    public TimeSpan? Duration { get; }

    public DayOfWeek? UntilDay { get; }

    public bool IsRestOfToday { get; }

    public static PauseLength For(TimeSpan duration) => new(duration, null, false);

    public static PauseLength RestOfToday { get; } = new(null, null, true);

    public static PauseLength Until(DayOfWeek day) => new(null, day, false);

    /// <summary>
    /// When the pause ends: now + duration; the next local midnight for "today"; or the
    /// local midnight that starts the next such day (never today) for "until monday".
    /// </summary>
    public DateTimeOffset EndsAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (Duration is { } duration)
        {
            return now + duration;
        }

        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = 1;
        if (UntilDay is { } day)
        {
            days = ((int)day - (int)localToday.DayOfWeek + 7) % 7;
            days = days == 0 ? 7 : days;
        }

        return LocalMidnight(localToday.AddDays(days), zone);
    }

    /// <summary>"for 2 h", "for the rest of today", "until Monday".</summary>
    public string Describe() => this switch
    {
        { Duration: { } d } when d.TotalMinutes < 60 => $"for {d.TotalMinutes:0} min",
        { Duration: { } d } when d.TotalHours < 48 => $"for {d.TotalHours:0.#} h",
        { Duration: { } d } => $"for {d.TotalDays:0.#} days",
        { UntilDay: { } day } => $"until {day}",
        _ => "for the rest of today",
    };

    /// <summary>The first instant of a local date (midnight, or the end of a DST gap that swallows it).</summary>
    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
