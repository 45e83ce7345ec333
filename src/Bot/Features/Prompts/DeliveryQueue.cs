using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// PostgreSQL as the durable queue: claim with one UPDATE … FOR UPDATE SKIP LOCKED so
/// workers on every replica take different rows, under a lease that a dead node's claims
/// lose when it runs out (they become pending again, <see cref="ReleaseExpiredClaimsAsync"/>).
/// Only claims are taken over: a delivery whose send had begun (status sending) when its node
/// died may have been posted, so it is failed as uncertain.
/// </summary>
internal static class DeliveryQueue
{
    /// <summary>The reason kept on a send whose node died (or stalled past its lease) before recording the outcome.</summary>
    public const string AbandonedSendReason = "not retried, the platform may have posted it: the node sending it stopped before recording the outcome (lease ran out)";

    /// <summary>
    /// Claims up to <paramref name="limit"/> deliveries, oldest first, at most <paramref name="perWorkspace"/>
    /// in flight per workspace counting those <paramref name="inFlight"/> already (sends beyond what its
    /// platform limit takes would only wait in its rate limiter), so one big workspace's backlog does not
    /// take every send slot while the others wait. Null <paramref name="perWorkspace"/>: no share.
    /// </summary>
    public static async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(
        MicroMoveDbContext db,
        DateTimeOffset now,
        TimeSpan lease,
        int limit,
        IReadOnlyDictionary<Guid, int> inFlight,
        int? perWorkspace,
        CancellationToken cancellationToken)
    {
        var share = perWorkspace ?? int.MaxValue;
        var busy = inFlight.Where(w => w.Value >= share).Select(w => w.Key).ToArray();
        var sending = inFlight.Where(w => w.Value < share).ToArray();
        var sendingIds = sending.Select(w => w.Key).ToArray();
        var sendingCounts = sending.Select(w => w.Value).ToArray();

        // The candidates are locked (SKIP LOCKED) in an inner query: PostgreSQL allows no row lock beside a
        // window function. Candidates beyond a workspace's share stay unclaimed; their locks end with the statement.
        return await db.Database.SqlQuery<DeliveryClaim>($"""
            UPDATE micromove.prompt_deliveries AS d
            SET status = 'claimed', lease_until = {now + lease}, attempts = d.attempts + 1
            WHERE d.id IN (
                SELECT ranked.id FROM (
                    SELECT c.id, c.due_at,
                           row_number() OVER (PARTITION BY c.workspace_id ORDER BY c.due_at) AS n,
                           {share} - coalesce(s.in_flight, 0) AS room
                    FROM (
                        SELECT id, workspace_id, due_at FROM micromove.prompt_deliveries
                        WHERE is_open AND status = 'pending' AND (not_before IS NULL OR not_before <= {now})
                          AND workspace_id <> ALL({busy})
                        ORDER BY due_at
                        LIMIT {limit * CandidatesPerSlot}
                        FOR UPDATE SKIP LOCKED) AS c
                    LEFT JOIN unnest({sendingIds}, {sendingCounts}) AS s(workspace_id, in_flight) ON s.workspace_id = c.workspace_id
                ) AS ranked
                WHERE ranked.n <= ranked.room
                ORDER BY ranked.due_at
                LIMIT {limit})
            RETURNING d.id AS "Id", d.attempts AS "Attempts", d.workspace_id
            """).ToListAsync(cancellationToken);
    }

    /// <summary>How many candidates a claim looks at per slot it may fill: room for a few workspaces to share one claim.</summary>
    private const int CandidatesPerSlot = 4;

    /// <summary>
    /// Sends whose lease ran out: their node died (or stalled) between starting the platform call and
    /// recording its answer. Failed as uncertain, never sent again. Returns how many.
    /// </summary>
    public static Task<int> AbandonDeadSendsAsync(MicroMoveDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE micromove.prompt_deliveries
            SET status = 'failed', lease_until = NULL, last_error = {AbandonedSendReason}
            WHERE is_open AND status = 'sending' AND lease_until < {now}
            """, cancellationToken);

    /// <summary>
    /// Claims whose lease ran out before their send began (their node died or stalled): pending again, so the
    /// next claim, on any node, takes them (and counts a new attempt). Done here, every few seconds, rather than
    /// in every claim: the claim then looks at pending rows only, and does not walk past the rows in flight
    /// on every node to find the few whose lease ran out. Returns how many.
    /// </summary>
    public static Task<int> ReleaseExpiredClaimsAsync(MicroMoveDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE micromove.prompt_deliveries
            SET status = 'pending', lease_until = NULL
            WHERE is_open AND status = 'claimed' AND lease_until < {now}
            """, cancellationToken);
}
