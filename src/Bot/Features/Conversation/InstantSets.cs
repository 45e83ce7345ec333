using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// <c>now [region]</c>: a set planned on the spot from the person's history, stored like a
/// delivered prompt (kind instant-set) so its "Done" and ratings are recorded the same way.
/// Every command asks for one, so both halves are plain SQL: the history in one round trip
/// (<see cref="InstantSetHistory"/>), the set in one INSERT.
/// </summary>
internal sealed class InstantSets(MicroMoveDbContext db, NpgsqlDataSource dataSource, TimeProvider clock, People people)
{
    private static readonly string InsertSql = $"""
        INSERT INTO micromove.prompt_deliveries
            (id, person_id, workspace_id, kind, slot_key, routine, due_at, movements, tip, notes, status, sent_at, created_at, attempts, snoozes, platform_message_ref)
        VALUES ($1, $2, $3, '{StorageConversions.ToText(DeliveryKind.InstantSet)}', $4, $5, $6, $7, $8, $9, '{StorageConversions.ToText(DeliveryStatus.Sent)}', $6, $6, 0, 0, $10)
        """;

    /// <summary>Plans a set and stores it before it is shown (the dev console, Teams, typed in a DM).</summary>
    public async Task<(PromptDeliveryEntity Set, MovementPromptMessage Message)> CreateAsync(
        PersonEntity person, SetFocus? focus, RoutineKind? routine, CancellationToken cancellationToken)
    {
        var planned = await PlanAsync(person, focus, routine, cancellationToken);
        await StoreAsync(planned.Set, cancellationToken);
        return (planned.Set, planned.Message);
    }

    /// <summary>
    /// Plans a set from the person's history without storing it, so that it can be posted first and
    /// stored once with its message's place (<see cref="StoreAsync"/>). Also says whether the person's row
    /// still exists: a person known from a cache may have been deleted meanwhile.
    /// </summary>
    public async Task<PlannedInstantSet> PlanAsync(PersonEntity person, SetFocus? focus, RoutineKind? routine, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = people.ZoneOf(person);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (exists, history) = await InstantSetHistory.LoadAsync(dataSource, person.Id, now, cancellationToken);
        var plan = RotationPlanner.Plan(
            focus is null ? routine ?? RoutineKind.Every30Minutes : null,
            focus,
            now,
            TimeZones.StartOfDay(localToday, zone),
            history);

        var id = Guid.CreateVersion7();
        var set = new PromptDeliveryEntity
        {
            Id = id,
            PersonId = person.Id,
            WorkspaceId = person.WorkspaceId,
            Kind = DeliveryKind.InstantSet,
            SlotKey = $"instant/{focus?.Name ?? string.Empty}/{id:N}",
            Routine = focus is null && routine is { } kind ? MovementCatalogue.Get(kind).Slug : null,
            DueAt = now,
            Movements = [.. plan.Movements.Select(m => new DeliveredMovement(m.Movement.Slug, m.Reps))],
            Tip = plan.Tip.Id.ToString(),
            Notes = [.. plan.Reasons.Select(r => r.Text)],
            // Answered straight away in the conversation, not through the delivery queue.
            Status = DeliveryStatus.Sent,
            SentAt = now,
            CreatedAt = now,
        };
        return new PlannedInstantSet(set, PromptMessages.For(set), exists);
    }

    /// <summary>Stores a planned set, with <see cref="PromptDeliveryEntity.PlatformMessageRef"/> when it was posted already.</summary>
    public async Task StoreAsync(PromptDeliveryEntity set, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = set.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = set.PersonId ?? throw new InvalidOperationException("An instant set belongs to a person.") });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = set.WorkspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = set.SlotKey });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)set.Routine ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = set.DueAt });
        command.Parameters.Add(new NpgsqlParameter { Value = StoredMovements(set.Movements), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)set.Tip ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. set.Notes] });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)set.PlatformMessageRef ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Remembers where the instant set was posted, so typed answers can update it in place.</summary>
    public Task RecordMessageRefAsync(Guid setId, string messageRef, CancellationToken cancellationToken) =>
        db.PromptDeliveries.Where(d => d.Id == setId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.PlatformMessageRef, messageRef), cancellationToken);

    /// <summary>The movements as EF Core writes them (the model's own converter), so both writers store the same JSON.</summary>
    private object StoredMovements(List<DeliveredMovement> movements) =>
        (db.Model.FindEntityType(typeof(PromptDeliveryEntity))?.FindProperty(nameof(PromptDeliveryEntity.Movements))?.GetValueConverter()
            ?? throw new InvalidOperationException("Movements are stored through a converter."))
        .ConvertToProvider(movements) ?? throw new InvalidOperationException("Movements converted to nothing.");
}

/// <summary>A set planned for a person and not yet stored; <c>PersonExists</c> is false when their row is gone.</summary>
internal sealed record PlannedInstantSet(PromptDeliveryEntity Set, MovementPromptMessage Message, bool PersonExists);
