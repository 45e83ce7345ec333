using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace MicroMove.Bot.Teams;

/// <summary>
/// What this process last wrote to <c>teams_conversations</c> per conversation, and when. Every
/// inbound activity carries its conversation's reference; rewriting an unchanged row on each one
/// costs a write per click, so an unchanged reference is written again only after
/// <see cref="RefreshAfter"/> (which keeps <c>last_seen_at</c> fresh enough to pick the latest 1:1 chat).
/// A changed reference (e.g. a moved service URL) is written at once.
/// It also keeps the full rows read for proactive sends for as long, so a prompt does not read its
/// conversation's row each time; a write through this process drops that copy at once (another
/// replica's change is seen within <see cref="RefreshAfter"/>).
/// </summary>
internal sealed class RememberedReferences(TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (ConversationReference Reference, DateTimeOffset WrittenAt)> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ConversationReference Reference, DateTimeOffset ReadAt)> _stored = new(StringComparer.Ordinal);

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
        _stored.TryRemove(reference.ConversationId, out _);
    }

    /// <summary>The conversation's row as read from the database less than <see cref="RefreshAfter"/> ago.</summary>
    public bool TryGetStored(string conversationId, [NotNullWhen(true)] out ConversationReference? reference)
    {
        if (_stored.TryGetValue(conversationId, out var entry) && time.GetUtcNow() - entry.ReadAt < RefreshAfter)
        {
            reference = entry.Reference;
            return true;
        }

        reference = null;
        return false;
    }

    public void Stored(ConversationReference reference)
    {
        if (_stored.Count >= MaxEntries)
        {
            _stored.Clear();
        }

        _stored[reference.ConversationId] = (reference, time.GetUtcNow());
    }
}
