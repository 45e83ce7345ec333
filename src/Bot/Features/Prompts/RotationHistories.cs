using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// What the rotation needs to know of people's recent past, loaded for many at once: the
/// sets offered in the last two days (for "in a row", "today" and "last hour") and the
/// log of the last 14 days (for tight regions and effortless movements).
/// </summary>
internal static class RotationHistories
{
    /// <summary>How far back offered sets count (also for an instant set's <see cref="Conversation.InstantSetHistory"/>).</summary>
    public static readonly TimeSpan OfferedWindow = TimeSpan.FromDays(2);

    /// <summary>How far back the log counts (also for an instant set's <see cref="Conversation.InstantSetHistory"/>).</summary>
    public static readonly TimeSpan LogWindow = TimeSpan.FromDays(14);

    public static async Task<Dictionary<Guid, RotationHistory>> LoadAsync(
        MicroMoveDbContext db, IReadOnlyCollection<Guid> personIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var offeredSince = now - OfferedWindow;
        var loggedSince = now - LogWindow;
        var offered = await db.PromptDeliveries.AsNoTracking()
            .Where(d => d.PersonId != null && personIds.Contains(d.PersonId.Value) && d.Kind != DeliveryKind.WeeklySummary && d.DueAt >= offeredSince
                && d.Status != DeliveryStatus.Missed && d.Status != DeliveryStatus.Failed)
            .Select(d => new { d.PersonId, d.DueAt, d.Routine, d.Movements })
            .ToListAsync(cancellationToken);
        var logged = await db.LogEntries.AsNoTracking()
            .Where(e => personIds.Contains(e.PersonId) && e.DoneAt >= loggedSince)
            .ToListAsync(cancellationToken);

        var offeredByPerson = offered.ToLookup(d => d.PersonId ?? Guid.Empty, d => new PastSet(
            d.DueAt,
            RoutineKinds.TryParse(d.Routine),
            [.. d.Movements.Select(m => MovementSlugs.TryParse(m.Movement, out var id) ? id : (MovementId?)null).OfType<MovementId>()]));
        var loggedByPerson = logged.ToLookup(e => e.PersonId, e => e.ToLogEntry());
        return personIds.Distinct().ToDictionary(
            id => id,
            id => new RotationHistory([.. offeredByPerson[id]], [.. loggedByPerson[id]]));
    }
}
