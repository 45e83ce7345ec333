using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// PostgreSQL as the durable queue: claim with one UPDATE … FOR UPDATE SKIP LOCKED so
/// workers on every replica take different rows, under a lease that a dead node's claims
/// lose when it runs out. Only claims are taken over: a delivery whose send had begun
/// (status sending) when its node died may have been posted, so it is failed as uncertain.
/// </summary>
internal static class DeliveryQueue
{
    /// <summary>The reason kept on a send whose node died (or stalled past its lease) before recording the outcome.</summary>
    public const string AbandonedSendReason = "not retried, the platform may have posted it: the node sending it stopped before recording the outcome (lease ran out)";

    /// <summary>
    /// Claims up to <paramref name="limit"/> deliveries, oldest first, leaving out the workspaces in
    /// <paramref name="busy"/> (those already sending as much as their platform limit can take), so one
    /// big workspace's backlog does not take every send slot while the others wait.
    /// </summary>
    public static async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(
        MicroMoveDbContext db, DateTimeOffset now, TimeSpan lease, int limit, IReadOnlyCollection<Guid> busy, CancellationToken cancellationToken)
    {
        var skipped = busy.ToArray();
        return await db.Database.SqlQuery<DeliveryClaim>($"""
            UPDATE micromove.prompt_deliveries AS d
            SET status = 'claimed', lease_until = {now + lease}, attempts = d.attempts + 1
            WHERE d.id IN (
                SELECT id FROM micromove.prompt_deliveries
                WHERE status IN ('pending', 'claimed')
                  AND ((status = 'pending' AND (not_before IS NULL OR not_before <= {now}))
                       OR (status = 'claimed' AND lease_until < {now}))
                  AND workspace_id <> ALL({skipped})
                ORDER BY due_at
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED)
            RETURNING d.id AS "Id", d.attempts AS "Attempts", d.workspace_id
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends whose lease ran out: their node died (or stalled) between starting the platform call and
    /// recording its answer. Failed as uncertain, never sent again. Returns how many.
    /// </summary>
    public static Task<int> AbandonDeadSendsAsync(MicroMoveDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE micromove.prompt_deliveries
            SET status = 'failed', lease_until = NULL, last_error = {AbandonedSendReason}
            WHERE status = 'sending' AND lease_until < {now}
            """, cancellationToken);
}
