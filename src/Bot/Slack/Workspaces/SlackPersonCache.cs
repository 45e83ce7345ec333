using System.Collections.Concurrent;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Who typed an instant-set command: the person's row, kept for <see cref="SlackOptions.WorkspaceCacheTime"/>
/// under (workspace row id, Slack user id), so the same user id in another workspace is another entry.
/// Only <c>/micromove now</c> reads it: a set needs the person's id, zone and DM channel, which
/// rarely change (a zone changed on another replica is seen when the entry expires); every other
/// command reads the row. A person deleted meanwhile shows up as a failed insert, and the handler
/// then forgets the entry and starts afresh. The cached row is shared: read it (the DM channel
/// is the one field written to it, with the value just stored).
/// </summary>
internal sealed class SlackPersonCache(IOptions<SlackOptions> options, TimeProvider time)
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(Guid WorkspaceId, string UserId), (PersonEntity Person, DateTimeOffset ExpiresAt)> _entries = new();

    public PersonEntity? Find(Guid workspaceId, string userId) =>
        _entries.TryGetValue((workspaceId, userId), out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Person : null;

    public void Keep(PersonEntity person)
    {
        var lifetime = options.Value.WorkspaceCacheTime;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(person.WorkspaceId, person.PlatformUserId)] = (person, time.GetUtcNow() + lifetime);
    }

    public void Forget(Guid workspaceId, string userId) => _entries.TryRemove((workspaceId, userId), out _);
}
