using System.Collections.Concurrent;
using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Teams;

/// <summary>
/// The service URLs our bot token may be sent to: only those seen in validated inbound
/// activities (remembered in memory, and in <c>teams_conversations</c> across restarts).
/// </summary>
internal sealed class TrustedServiceUrls(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public void Add(string normalizedServiceUrl) => _known[normalizedServiceUrl] = true;

    public async Task<bool> IsTrustedAsync(string normalizedServiceUrl, CancellationToken cancellationToken)
    {
        if (_known.ContainsKey(normalizedServiceUrl))
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var seen = await db.TeamsConversations.AnyAsync(c => c.ServiceUrl == normalizedServiceUrl, cancellationToken);
        if (seen)
        {
            Add(normalizedServiceUrl);
        }

        return seen;
    }
}
