using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// PostgreSQL as the durable queue: claim with one UPDATE … FOR UPDATE SKIP LOCKED so
/// workers on every replica take different rows, under a lease that a dead node's claims
/// lose when it runs out.
/// </summary>
internal static class DeliveryQueue
{
    public static async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(
        MicroMoveDbContext db, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<DeliveryClaim>($"""
            UPDATE micromove.prompt_deliveries AS d
            SET status = 'claimed', lease_until = {now + lease}, attempts = d.attempts + 1
            WHERE d.id IN (
                SELECT id FROM micromove.prompt_deliveries
                WHERE status IN ('pending', 'claimed')
                  AND ((status = 'pending' AND (not_before IS NULL OR not_before <= {now}))
                       OR (status = 'claimed' AND lease_until < {now}))
                ORDER BY due_at
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED)
            RETURNING d.id AS "Id", d.attempts AS "Attempts"
            """).ToListAsync(cancellationToken);
}
