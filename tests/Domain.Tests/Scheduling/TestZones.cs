using System.Collections.Concurrent;
using System.Globalization;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>Zone lookup and small builders shared by the scheduling tests.</summary>
internal static class TestZones
{
    /// <summary>Zones with interesting offsets or daylight-saving rules, used by the property tests.</summary>
    public static readonly string[] Interesting =
    [
        "Europe/Berlin",        // DST at 02:00/03:00
        "America/New_York",     // DST at 02:00
        "Australia/Lord_Howe",  // 30-minute DST shift, southern hemisphere
        "Asia/Kathmandu",       // +05:45, no DST
        "Pacific/Chatham",      // +12:45/+13:45
        "America/St_Johns",     // −03:30/−02:30
        "America/Santiago",     // DST starts at midnight (00:00 → 01:00), ends 24:00 → 23:00
        "Asia/Beirut",          // DST starts at midnight
        "America/Nuuk",         // DST gap 23:00 → 00:00 crossing midnight
        "Pacific/Kiritimati",   // +14:00
        "Pacific/Pago_Pago",    // −11:00
        "UTC",
    ];

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, DateTimeOffset[]> TransitionCache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Get(string id) => Zones.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>The instant of a local wall time that is neither ambiguous nor invalid.</summary>
    public static DateTimeOffset Local(string zoneId, int year, int month, int day, int hour, int minute)
    {
        var zone = Get(zoneId);
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall) || zone.IsAmbiguousTime(wall))
        {
            throw new ArgumentException($"{wall:s} is not a plain wall time in {zoneId}.", nameof(hour));
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>"HH:mm/routine" of each slot, e.g. "10:30/every-30-minutes".</summary>
    public static string[] TimesAndRoutines(IEnumerable<SlotOccurrence> slots) =>
        [.. slots.Select(slot => slot.Key[(slot.Key.IndexOf('T', StringComparison.Ordinal) + 1)..])];

    public static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Instants (to 15 minutes) at which the zone's offset changes during 2025–2027.</summary>
    public static DateTimeOffset[] Transitions(string zoneId) => TransitionCache.GetOrAdd(zoneId, id =>
    {
        var zone = Get(id);
        var found = new List<DateTimeOffset>();
        var instant = Utc(2025, 1, 1, 0, 0);
        var previous = zone.GetUtcOffset(instant);
        while (instant.Year < 2028)
        {
            instant = instant.AddMinutes(15);
            var offset = zone.GetUtcOffset(instant);
            if (offset != previous)
            {
                found.Add(instant);
                previous = offset;
            }
        }

        return [.. found];
    });
}
