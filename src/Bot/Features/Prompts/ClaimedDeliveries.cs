using MicroMove.Bot.Features.Summaries;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// A claimed batch read together before its sends start: one query for all its deliveries with their
/// people and workspaces, and the weekly summaries among them built together (two more queries for the
/// whole batch) — instead of a query per delivery and three per summary.
/// </summary>
internal sealed class ClaimedDeliveries(MicroMoveDbContext db, WeeklySummaryBuilder summaries)
{
    /// <summary>Each claimed delivery still there, by id; a weekly summary with its message when it could be built.</summary>
    public async Task<IReadOnlyDictionary<Guid, PreparedDelivery>> LoadAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        var deliveries = await db.PromptDeliveries
            .AsNoTracking()
            .Include(d => d.Person)
            .ThenInclude(p => p!.Workspace)
            .Where(d => deliveryIds.Contains(d.Id))
            .ToListAsync(cancellationToken);

        var requests = deliveries
            .Where(d => d.Kind == DeliveryKind.WeeklySummary && d.Person is not null)
            .Select(d => (d.Id, Request: WeeklySummaryBuilder.RequestFor(d, d.Person!)))
            .Where(r => r.Request is not null)
            .ToList();
        var messages = requests.Count == 0
            ? []
            : await summaries.BuildManyAsync([.. requests.Select(r => r.Request!)], cancellationToken);
        var built = new Dictionary<Guid, WeeklySummaryMessage>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (messages[i] is { } message)
            {
                built[requests[i].Id] = message;
            }
        }

        return deliveries.ToDictionary(d => d.Id, d => new PreparedDelivery(d, built.GetValueOrDefault(d.Id)));
    }
}

/// <summary>A claimed delivery as read with its batch (person and workspace included), and its weekly summary if it is one.</summary>
internal sealed record PreparedDelivery(PromptDeliveryEntity Delivery, WeeklySummaryMessage? Summary);
