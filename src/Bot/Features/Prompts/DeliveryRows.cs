using System.Text.Json;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>The rows one dispatch batch inserts (prompts and weekly summaries), as column arrays for a single unnest INSERT.</summary>
internal sealed class DeliveryRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<Guid> _ids = [];
    private readonly List<Guid> _people = [];
    private readonly List<Guid> _workspaces = [];
    private readonly List<string> _kinds = [];
    private readonly List<string> _keys = [];
    private readonly List<string?> _routines = [];
    private readonly List<DateTimeOffset> _dues = [];
    private readonly List<string> _movements = [];
    private readonly List<string?> _tips = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _statuses = [];

    /// <summary>Prompts to send.</summary>
    public int Pending { get; private set; }

    /// <summary>Prompts and summaries recorded as missed.</summary>
    public int MissedCount { get; private set; }

    /// <summary>Weekly summaries to send.</summary>
    public int Summaries { get; private set; }

    public void Add(PersonEntity person, SlotOccurrence slot, DeliveryStatus status, PlannedSet? plan)
    {
        var movements = plan?.Movements.Select(m => new DeliveredMovement(m.Movement.Slug, m.Reps)).ToList() ?? [];
        AddRow(
            person,
            DeliveryKind.Prompt,
            slot.Key,
            MovementCatalogue.Get(slot.Routine).Slug,
            slot.DueAt,
            JsonSerializer.Serialize(movements, Json),
            plan?.Tip.Id.ToString(),
            JsonSerializer.Serialize(plan?.Reasons.Select(r => r.Text).ToList() ?? [], Json),
            status);
        if (status == DeliveryStatus.Pending)
        {
            Pending++;
        }
    }

    public void AddSummary(PersonEntity person, SummaryOccurrence summary, DeliveryStatus status)
    {
        AddRow(person, DeliveryKind.WeeklySummary, summary.Key, routine: null, summary.DueAt, "[]", tip: null, "[]", status);
        if (status == DeliveryStatus.Pending)
        {
            Summaries++;
        }
    }

    private void AddRow(
        PersonEntity person,
        DeliveryKind kind,
        string key,
        string? routine,
        DateTimeOffset dueAt,
        string movements,
        string? tip,
        string notes,
        DeliveryStatus status)
    {
        _ids.Add(Guid.CreateVersion7());
        _people.Add(person.Id);
        _workspaces.Add(person.WorkspaceId);
        _kinds.Add(kind.ToString().ToLowerInvariant());
        _keys.Add(key);
        _routines.Add(routine);
        _dues.Add(dueAt);
        _movements.Add(movements);
        _tips.Add(tip);
        _notes.Add(notes);
        _statuses.Add(status.ToString().ToLowerInvariant());
        if (status == DeliveryStatus.Missed)
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
            SELECT d.id, d.person_id, d.workspace_id, d.kind, d.slot_key, d.routine, d.due_at, d.movements::jsonb, d.tip,
                   ARRAY(SELECT jsonb_array_elements_text(d.notes::jsonb)), d.status, 0, @now
            FROM unnest(@ids, @people, @workspaces, @kinds, @keys, @routines, @dues, @movements, @tips, @notes, @statuses)
                AS d(id, person_id, workspace_id, kind, slot_key, routine, due_at, movements, tip, notes, status)
            ON CONFLICT (person_id, slot_key) DO NOTHING
            """,
            [
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("ids", _ids.ToArray()),
                new NpgsqlParameter("people", _people.ToArray()),
                new NpgsqlParameter("workspaces", _workspaces.ToArray()),
                new NpgsqlParameter("kinds", _kinds.ToArray()),
                new NpgsqlParameter("keys", _keys.ToArray()),
                Texts("routines", _routines),
                new NpgsqlParameter("dues", _dues.ToArray()),
                new NpgsqlParameter("movements", _movements.ToArray()),
                Texts("tips", _tips),
                new NpgsqlParameter("notes", _notes.ToArray()),
                new NpgsqlParameter("statuses", _statuses.ToArray()),
            ],
            cancellationToken);
    }

    private static NpgsqlParameter Texts(string name, List<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(t => (object?)t ?? DBNull.Value).ToArray() };
}
