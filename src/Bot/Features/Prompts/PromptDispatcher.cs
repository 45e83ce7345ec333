using System.Text.Json;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// Turns due people into deliveries. In one transaction per batch it locks the due people
/// (the partial index on next_prompt_at makes that O(due)), writes one delivery per person
/// and slot — the unique (person, slot key) makes a re-run a no-op — and advances
/// next_prompt_at. Runs cluster-wide once a minute from Quartz; safe to run twice.
/// </summary>
internal sealed partial class PromptDispatcher(
    MicroMoveDbContext db,
    TimeProvider clock,
    TimeZones zones,
    DeliveryMetrics metrics,
    IOptions<PromptOptions> options,
    ILogger<PromptDispatcher> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = DispatchResult.None;
        while (true)
        {
            var batch = await DispatchBatchAsync(now, cancellationToken);
            total += batch;
            if (batch.People < options.Value.DispatchBatchSize)
            {
                return total;
            }
        }
    }

    private async Task<DispatchResult> DispatchBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = await db.People
            .FromSql($"""
                SELECT *, xmin FROM micromove.people
                WHERE active AND next_prompt_at IS NOT NULL AND next_prompt_at <= {now}
                ORDER BY next_prompt_at
                LIMIT {options.Value.DispatchBatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return DispatchResult.None;
        }

        var personIds = people.Select(p => p.Id).ToList();
        var workspaceIds = people.Select(p => p.WorkspaceId).Distinct().ToList();
        var activeWorkspaces = (await db.Workspaces
            .Where(w => workspaceIds.Contains(w.Id) && w.Active)
            .Select(w => w.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var history = await RotationHistories.LoadAsync(db, personIds, now, cancellationToken);

        var rows = new DeliveryRows();
        var nextPrompts = new List<(Guid Id, DateTimeOffset? Next)>();
        foreach (var person in people)
        {
            nextPrompts.Add((person.Id, Plan(person, activeWorkspaces, history, now, rows)));
        }

        var inserted = await rows.InsertAsync(db, now, cancellationToken);
        await AdvanceAsync(nextPrompts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        metrics.Due.Add(rows.Pending);
        metrics.Missed.Add(rows.MissedCount);
        LogBatch(logger, people.Count, rows.Pending, rows.MissedCount, inserted);
        return new DispatchResult(people.Count, rows.Pending, rows.MissedCount);
    }

    /// <summary>Adds the person's deliveries to <paramref name="rows"/> and returns their new next prompt time.</summary>
    private DateTimeOffset? Plan(
        PersonEntity person,
        HashSet<Guid> activeWorkspaces,
        Dictionary<Guid, RotationHistory> history,
        DateTimeOffset now,
        DeliveryRows rows)
    {
        if (!activeWorkspaces.Contains(person.WorkspaceId))
        {
            // Uninstalled or revoked: stop looking at this person until the workspace comes back.
            return null;
        }

        if (!zones.TryFind(person.TimeZoneId, out var zone))
        {
            LogUnknownZone(logger, person.Id, person.TimeZoneId);
            return null;
        }

        var schedule = person.ToWorkSchedule();
        if (schedule.Validate().Count > 0)
        {
            LogInvalidSchedule(logger, person.Id);
            return null;
        }

        var due = DueSlots.Work(schedule, zone, person.NextPromptAt ?? now, now, options.Value.Usefulness);
        foreach (var missed in due.Missed)
        {
            rows.Add(person, missed, DeliveryStatus.Missed, plan: null);
        }

        if (due.ToSend is { } slot)
        {
            var past = history.GetValueOrDefault(person.Id) ?? RotationHistory.Empty;
            var plan = RotationPlanner.Plan(slot.Routine, null, slot.DueAt, TimeZones.StartOfDay(slot.LocalDate, zone), past);
            rows.Add(person, slot, DeliveryStatus.Pending, plan);
        }

        return due.NextPromptAt;
    }

    private async Task AdvanceAsync(List<(Guid Id, DateTimeOffset? Next)> nextPrompts, CancellationToken cancellationToken)
    {
        var ids = new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = nextPrompts.Select(p => p.Id).ToArray() };
        var nexts = new NpgsqlParameter("nexts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = nextPrompts.Select(p => p.Next is { } next ? (object)next : DBNull.Value).ToArray(),
        };
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE micromove.people AS p SET next_prompt_at = u.next
            FROM unnest(@ids, @nexts) AS u(id, next)
            WHERE p.id = u.id
            """,
            [ids, nexts],
            cancellationToken);
    }

    /// <summary>The rows one batch inserts, as column arrays for a single unnest INSERT.</summary>
    private sealed class DeliveryRows
    {
        private readonly List<Guid> _ids = [];
        private readonly List<Guid> _people = [];
        private readonly List<Guid> _workspaces = [];
        private readonly List<string> _keys = [];
        private readonly List<string> _routines = [];
        private readonly List<DateTimeOffset> _dues = [];
        private readonly List<string> _movements = [];
        private readonly List<string?> _tips = [];
        private readonly List<string> _notes = [];
        private readonly List<string> _statuses = [];

        public int Pending { get; private set; }

        public int MissedCount { get; private set; }

        public void Add(PersonEntity person, SlotOccurrence slot, DeliveryStatus status, PlannedSet? plan)
        {
            _ids.Add(Guid.CreateVersion7());
            _people.Add(person.Id);
            _workspaces.Add(person.WorkspaceId);
            _keys.Add(slot.Key);
            _routines.Add(MovementCatalogue.Get(slot.Routine).Slug);
            _dues.Add(slot.DueAt);
            var movements = plan?.Movements.Select(m => new DeliveredMovement(m.Movement.Slug, m.Reps)).ToList() ?? [];
            _movements.Add(JsonSerializer.Serialize(movements, Json));
            _tips.Add(plan?.Tip.Id.ToString());
            _notes.Add(JsonSerializer.Serialize(plan?.Reasons.Select(r => r.Text).ToList() ?? [], Json));
            _statuses.Add(status == DeliveryStatus.Pending ? "pending" : "missed");
            if (status == DeliveryStatus.Pending)
            {
                Pending++;
            }
            else
            {
                MissedCount++;
            }
        }

        public async Task<int> InsertAsync(MicroMoveDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (_ids.Count == 0)
            {
                return 0;
            }

            // ON CONFLICT: a slot that already has its delivery (re-run, second node) is left as it is.
            return await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO micromove.prompt_deliveries
                    (id, person_id, workspace_id, kind, slot_key, routine, due_at, movements, tip, notes, status, attempts, created_at)
                SELECT d.id, d.person_id, d.workspace_id, 'prompt', d.slot_key, d.routine, d.due_at, d.movements::jsonb, d.tip,
                       ARRAY(SELECT jsonb_array_elements_text(d.notes::jsonb)), d.status, 0, @now
                FROM unnest(@ids, @people, @workspaces, @keys, @routines, @dues, @movements, @tips, @notes, @statuses)
                    AS d(id, person_id, workspace_id, slot_key, routine, due_at, movements, tip, notes, status)
                ON CONFLICT (person_id, slot_key) DO NOTHING
                """,
                [
                    new NpgsqlParameter("now", now),
                    new NpgsqlParameter("ids", _ids.ToArray()),
                    new NpgsqlParameter("people", _people.ToArray()),
                    new NpgsqlParameter("workspaces", _workspaces.ToArray()),
                    new NpgsqlParameter("keys", _keys.ToArray()),
                    new NpgsqlParameter("routines", _routines.ToArray()),
                    new NpgsqlParameter("dues", _dues.ToArray()),
                    new NpgsqlParameter("movements", _movements.ToArray()),
                    new NpgsqlParameter("tips", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _tips.Select(t => (object?)t ?? DBNull.Value).ToArray() },
                    new NpgsqlParameter("notes", _notes.ToArray()),
                    new NpgsqlParameter("statuses", _statuses.ToArray()),
                ],
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched {People} due people: {Pending} prompts to send, {Missed} missed slots ({Inserted} new rows)")]
    private static partial void LogBatch(ILogger logger, int people, int pending, int missed, int inserted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} has an unknown time zone {TimeZoneId}; no prompts until it is fixed")]
    private static partial void LogUnknownZone(ILogger logger, Guid personId, string timeZoneId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} has an unusable schedule; no prompts until it is fixed")]
    private static partial void LogInvalidSchedule(ILogger logger, Guid personId);
}
