using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Challenges;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Challenges;

/// <summary>
/// Turns due challenges into channel deliveries, like <see cref="PromptDispatcher"/> does for people.
/// In one transaction per batch it locks the challenges whose <c>next_update_at</c> has come
/// (<c>FOR UPDATE SKIP LOCKED</c>, partial index <c>ix_challenges_update_due</c>), writes one
/// <c>prompt_deliveries</c> row per challenge and update — kind <c>challengeupdate</c> with slot key
/// <c>"{date}/leaderboard"</c>, or <c>challengeresults</c> with <c>"results"</c> on the last day —
/// unique on (challenge, slot key) so a re-run or a second node changes nothing, and advances
/// <c>next_update_at</c> (ending the challenge with its results). Runs with the prompt dispatch.
/// </summary>
internal sealed partial class ChallengeDispatcher(
    MicroMoveDbContext db,
    TimeProvider clock,
    ChallengeBoard board,
    DeliveryMetrics metrics,
    ILogger<ChallengeDispatcher> logger)
{
    public const string ResultsSlot = "results";
    private const int BatchSize = 200;

    public static string LeaderboardSlot(DateOnly day) => $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/leaderboard";

    /// <summary>Dispatches every due challenge; returns how many updates were queued to send.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        while (true)
        {
            var (challenges, toSend) = await DispatchBatchAsync(now, cancellationToken);
            queued += toSend;
            if (challenges < BatchSize)
            {
                return queued;
            }
        }
    }

    private async Task<(int Challenges, int ToSend)> DispatchBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Challenges
            .FromSql($"""
                SELECT * FROM micromove.challenges
                WHERE active AND next_update_at IS NOT NULL AND next_update_at <= {now}
                ORDER BY next_update_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var rows = new Rows();
        foreach (var challenge in due)
        {
            Plan(challenge, now, rows);
        }

        await rows.InsertAsync(db, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Due.Add(rows.ToSend);
        metrics.Missed.Add(rows.Missed);
        LogBatch(logger, due.Count, rows.ToSend, rows.Missed, rows.Ended);
        return (due.Count, rows.ToSend);
    }

    /// <summary>
    /// Every update from the stored next one up to now: only the latest is still worth posting (and
    /// only while fresh), except the results, which are always posted; the others are missed.
    /// </summary>
    private void Plan(ChallengeEntity challenge, DateTimeOffset now, Rows rows)
    {
        var domain = ChallengeBoard.ToDomain(challenge);
        var zone = board.ZoneOf(challenge);
        var reached = new List<ChallengeUpdate>();
        var cursor = (challenge.NextUpdateAt ?? now) - TimeSpan.FromTicks(1);
        ChallengeUpdate? next;
        while ((next = ChallengeCalendar.NextUpdateAfter(domain, challenge.UpdateTime, zone, cursor)) is { } update && update.DueAt <= now)
        {
            reached.Add(update);
            cursor = update.DueAt;
        }

        for (var i = 0; i < reached.Count; i++)
        {
            var update = reached[i];
            var latest = i == reached.Count - 1;
            var send = update.IsFinal || (latest && now - update.DueAt <= ChallengeDefaults.UpdateUsefulness);
            rows.Add(challenge, update, send ? DeliveryStatus.Pending : DeliveryStatus.Missed);
        }

        var ended = (reached.Count > 0 && reached[^1].IsFinal) || next is null;
        rows.Advance(challenge.Id, ended ? null : next!.DueAt, ended ? (reached.Count > 0 ? reached[^1].DueAt : now) : null);
    }

    /// <summary>The rows and challenge changes of one batch, written with two statements.</summary>
    private sealed class Rows
    {
        private readonly List<Guid> _ids = [];
        private readonly List<Guid> _challenges = [];
        private readonly List<Guid> _workspaces = [];
        private readonly List<string> _kinds = [];
        private readonly List<string> _keys = [];
        private readonly List<DateTimeOffset> _dues = [];
        private readonly List<string> _statuses = [];
        private readonly List<(Guid Id, DateTimeOffset? Next, DateTimeOffset? EndedAt)> _advances = [];

        public int ToSend { get; private set; }

        public int Missed { get; private set; }

        public int Ended { get; private set; }

        public void Add(ChallengeEntity challenge, ChallengeUpdate update, DeliveryStatus status)
        {
            _ids.Add(Guid.CreateVersion7());
            _challenges.Add(challenge.Id);
            _workspaces.Add(challenge.WorkspaceId);
            _kinds.Add((update.IsFinal ? DeliveryKind.ChallengeResults : DeliveryKind.ChallengeUpdate).ToString().ToLowerInvariant());
            _keys.Add(update.IsFinal ? ResultsSlot : LeaderboardSlot(update.Day));
            _dues.Add(update.DueAt);
            _statuses.Add(status.ToString().ToLowerInvariant());
            ToSend += status == DeliveryStatus.Pending ? 1 : 0;
            Missed += status == DeliveryStatus.Missed ? 1 : 0;
        }

        public void Advance(Guid challengeId, DateTimeOffset? next, DateTimeOffset? endedAt)
        {
            _advances.Add((challengeId, next, endedAt));
            Ended += endedAt is null ? 0 : 1;
        }

        public async Task InsertAsync(MicroMoveDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (_ids.Count > 0)
            {
                // ON CONFLICT: an update that already has its row (re-run, second node) is left as it is.
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO micromove.prompt_deliveries
                        (id, person_id, challenge_id, workspace_id, kind, slot_key, due_at, movements, notes, status, attempts, created_at)
                    SELECT d.id, NULL, d.challenge_id, d.workspace_id, d.kind, d.slot_key, d.due_at, '[]'::jsonb, ARRAY[]::text[], d.status, 0, @now
                    FROM unnest(@ids, @challenges, @workspaces, @kinds, @keys, @dues, @statuses)
                        AS d(id, challenge_id, workspace_id, kind, slot_key, due_at, status)
                    ON CONFLICT (challenge_id, slot_key) DO NOTHING
                    """,
                    [
                        new NpgsqlParameter("now", now),
                        new NpgsqlParameter("ids", _ids.ToArray()),
                        new NpgsqlParameter("challenges", _challenges.ToArray()),
                        new NpgsqlParameter("workspaces", _workspaces.ToArray()),
                        new NpgsqlParameter("kinds", _kinds.ToArray()),
                        new NpgsqlParameter("keys", _keys.ToArray()),
                        new NpgsqlParameter("dues", _dues.ToArray()),
                        new NpgsqlParameter("statuses", _statuses.ToArray()),
                    ],
                    cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE micromove.challenges AS c
                SET next_update_at = u.next_update, active = u.ended_at IS NULL, ended_at = COALESCE(u.ended_at, c.ended_at)
                FROM unnest(@ids, @nexts, @ends) AS u(id, next_update, ended_at)
                WHERE c.id = u.id
                """,
                [
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = _advances.Select(a => a.Id).ToArray() },
                    Instants("nexts", _advances.Select(a => a.Next)),
                    Instants("ends", _advances.Select(a => a.EndedAt)),
                ],
                cancellationToken);
        }

        private static NpgsqlParameter Instants(string name, IEnumerable<DateTimeOffset?> values) =>
            new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                Value = values.Select(value => value is { } instant ? (object)instant : DBNull.Value).ToArray(),
            };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched {Challenges} due challenges: {ToSend} boards to post, {Missed} missed, {Ended} ended with their results")]
    private static partial void LogBatch(ILogger logger, int challenges, int toSend, int missed, int ended);
}
