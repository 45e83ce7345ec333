using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Teams;

/// <summary>
/// The latest conversation reference per Teams conversation, in <c>teams_conversations</c>.
/// Every validated inbound activity refreshes its conversation's row (the service URL can move),
/// unless this process wrote the same reference moments ago (<see cref="RememberedReferences"/>).
/// </summary>
internal sealed class TeamsConversationStore(MicroMoveDbContext db, TrustedServiceUrls trusted, RememberedReferences remembered, TimeProvider time)
{
    /// <summary>Teams' <c>conversationType</c> of a 1:1 chat with the bot.</summary>
    public const string PersonalConversationType = "personal";

    /// <summary>Upserts the reference; null fields keep what was known before.</summary>
    public async Task RememberAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (!ServiceUrls.TryNormalize(reference.ServiceUrl, out var serviceUrl))
        {
            return;
        }

        trusted.Add(serviceUrl);
        if (remembered.IsFresh(reference, serviceUrl))
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO micromove.teams_conversations
                (conversation_id, service_url, tenant_id, conversation_type, user_id, aad_object_id, bot_id, last_seen_at)
            VALUES ({reference.ConversationId}, {serviceUrl}, {reference.TenantId}, {reference.ConversationType},
                    {reference.UserId}, {reference.AadObjectId}, {reference.BotId}, {now})
            ON CONFLICT (conversation_id) DO UPDATE SET
                service_url = EXCLUDED.service_url,
                tenant_id = COALESCE(EXCLUDED.tenant_id, teams_conversations.tenant_id),
                conversation_type = COALESCE(EXCLUDED.conversation_type, teams_conversations.conversation_type),
                user_id = COALESCE(EXCLUDED.user_id, teams_conversations.user_id),
                aad_object_id = COALESCE(EXCLUDED.aad_object_id, teams_conversations.aad_object_id),
                bot_id = COALESCE(EXCLUDED.bot_id, teams_conversations.bot_id),
                last_seen_at = GREATEST(EXCLUDED.last_seen_at, teams_conversations.last_seen_at)
            """,
            cancellationToken);
        remembered.Written(reference, serviceUrl);
    }

    /// <summary>The stored reference (kept a few minutes in memory: every proactive send asks for it).</summary>
    public async Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (remembered.TryGetStored(conversationId, out var known))
        {
            return known;
        }

        var row = await db.TeamsConversations.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var reference = new ConversationReference(row.ConversationId, row.ServiceUrl, row.TenantId, row.UserId, row.AadObjectId, row.BotId, row.ConversationType);
        remembered.Stored(reference);
        return reference;
    }

    /// <summary>The personal (1:1) conversation of <paramref name="userId"/> in <paramref name="tenantId"/>, most recently seen first.</summary>
    public async Task<ConversationReference?> FindPersonalAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var row = await db.TeamsConversations.AsNoTracking()
            .Where(c => c.TenantId == tenantId && c.UserId == userId && c.ConversationType == PersonalConversationType)
            .OrderByDescending(c => c.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new ConversationReference(row.ConversationId, row.ServiceUrl, row.TenantId, row.UserId, row.AadObjectId, row.BotId, row.ConversationType);
    }

    /// <summary>The service URL most recently seen for the tenant (any conversation): where to create a 1:1 conversation.</summary>
    public Task<string?> FindTenantServiceUrlAsync(string tenantId, CancellationToken cancellationToken) =>
        db.TeamsConversations.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderByDescending(c => c.LastSeenAt)
            .Select(c => (string?)c.ServiceUrl)
            .FirstOrDefaultAsync(cancellationToken);
}
