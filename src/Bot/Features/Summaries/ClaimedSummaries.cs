using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// The weekly summaries of a claimed batch, built together before their sends start: three queries
/// for the whole batch (the deliveries with their people, the week's prompts, the log) instead of
/// three per person. A Friday evening's wave of summaries is read in batches this way.
/// </summary>
internal sealed class ClaimedSummaries(MicroMoveDbContext db, WeeklySummaryBuilder builder)
{
    /// <summary>Each buildable delivery's summary by delivery id; deliveries left out are built by their sender as usual.</summary>
    public async Task<IReadOnlyDictionary<Guid, WeeklySummaryMessage>> BuildAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        var deliveries = await db.PromptDeliveries
            .AsNoTracking()
            .Include(d => d.Person)
            .Where(d => deliveryIds.Contains(d.Id) && d.Person != null)
            .ToListAsync(cancellationToken);
        var requests = deliveries
            .Select(d => (d.Id, Request: WeeklySummaryBuilder.RequestFor(d, d.Person!)))
            .Where(r => r.Request is not null)
            .ToList();
        var messages = await builder.BuildManyAsync([.. requests.Select(r => r.Request!)], cancellationToken);
        var built = new Dictionary<Guid, WeeklySummaryMessage>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (messages[i] is { } message)
            {
                built[requests[i].Id] = message;
            }
        }

        return built;
    }
}
