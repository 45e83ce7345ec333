using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>IANA zone lookups, cached: the dispatcher resolves thousands of people's zones a minute.</summary>
internal sealed class TimeZones
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo?> _cache = new(StringComparer.Ordinal);

    public bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = _cache.GetOrAdd(id, static key => TimeZoneInfo.TryFindSystemTimeZoneById(key, out var found) ? found : null);
        return zone is not null;
    }

    /// <summary>The instant a local date begins (its midnight, or the end of a DST gap that swallows it).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
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
