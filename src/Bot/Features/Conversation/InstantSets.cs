using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// <c>now [region]</c>: a set planned on the spot from the person's history, stored like a
/// delivered prompt (kind instant-set) so its "Done" and ratings are recorded the same way.
/// </summary>
internal sealed class InstantSets(MicroMoveDbContext db, TimeProvider clock, People people)
{
    public async Task<(PromptDeliveryEntity Set, MovementPromptMessage Message)> CreateAsync(
        PersonEntity person, SetFocus? focus, RoutineKind? routine, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = people.ZoneOf(person);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var plan = RotationPlanner.Plan(
            focus is null ? routine ?? RoutineKind.Every30Minutes : null,
            focus,
            now,
            TimeZones.StartOfDay(localToday, zone),
            (await RotationHistories.LoadAsync(db, [person.Id], now, cancellationToken))[person.Id]);

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
        db.PromptDeliveries.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (set, PromptMessages.For(set));
    }

    /// <summary>Remembers where the instant set was posted, so typed answers can update it in place.</summary>
    public Task RecordMessageRefAsync(Guid setId, string messageRef, CancellationToken cancellationToken) =>
        db.PromptDeliveries.Where(d => d.Id == setId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.PlatformMessageRef, messageRef), cancellationToken);
}
