using System.Collections.Concurrent;

namespace MicroMove.Bot.Teams;

/// <summary>
/// What this process last wrote to <c>teams_conversations</c> per conversation, and when. Every
/// inbound activity carries its conversation's reference; rewriting an unchanged row on each one
/// costs a write per click, so an unchanged reference is written again only after
/// <see cref="RefreshAfter"/> (which keeps <c>last_seen_at</c> fresh enough to pick the latest 1:1 chat).
/// A changed reference (e.g. a moved service URL) is written at once.
/// </summary>
internal sealed class RememberedReferences(TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (ConversationReference Reference, DateTimeOffset WrittenAt)> _written = new(StringComparer.Ordinal);

    public bool IsFresh(ConversationReference reference, string normalizedServiceUrl) =>
        _written.TryGetValue(reference.ConversationId, out var entry)
        && entry.Reference == reference with { ServiceUrl = normalizedServiceUrl }
        && time.GetUtcNow() - entry.WrittenAt < RefreshAfter;

    public void Written(ConversationReference reference, string normalizedServiceUrl)
    {
        if (_written.Count >= MaxEntries)
        {
            _written.Clear();
        }

        _written[reference.ConversationId] = (reference with { ServiceUrl = normalizedServiceUrl }, time.GetUtcNow());
    }
}
