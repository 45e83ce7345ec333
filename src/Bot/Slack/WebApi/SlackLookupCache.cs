using System.Collections.Concurrent;

namespace MicroMove.Bot.Slack;

/// <summary>
/// A small expiring cache for lookups that rarely change and cost rate-limited calls: DM channel
/// ids (conversations.open) and users' time zones (users.info). Expiry is read from the injected clock.
/// </summary>
internal sealed class SlackLookupCache(TimeProvider time)
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (object Value, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public bool TryGet<T>(string key, out T? value)
        where T : class
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > time.GetUtcNow() && entry.Value is T typed)
        {
            value = typed;
            return true;
        }

        value = null;
        return false;
    }

    public void Set(string key, object value, TimeSpan timeToLive)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var expired in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(expired, out _);
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        _entries[key] = (value, now + timeToLive);
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);
}
