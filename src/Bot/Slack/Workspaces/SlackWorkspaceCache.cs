using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Inbound requests name their workspace by team (and enterprise) id; looking the row up and
/// opening its sealed token on every command cost a query and an AES-GCM decryption each. This
/// keeps the answer for <see cref="SlackOptions.WorkspaceCacheTime"/>. Only installed, active
/// workspaces are kept (a miss is asked again), entries are keyed by the exact ids a request
/// carried, and <see cref="Forget"/> drops a workspace at once when this replica uninstalls,
/// revokes or re-stores it; another replica's change is seen when the entry expires.
/// </summary>
internal sealed class SlackWorkspaceCache(IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>Far above any real number of workspaces; past it the cache starts over rather than grow.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string TeamId, string? EnterpriseId), (SlackInstalledWorkspace Workspace, DateTimeOffset ExpiresAt)> _entries = new();

    public bool TryGet(string teamId, string? enterpriseId, out SlackInstalledWorkspace? workspace)
    {
        if (_entries.TryGetValue((teamId, enterpriseId), out var entry) && entry.ExpiresAt > time.GetUtcNow())
        {
            workspace = entry.Workspace;
            return true;
        }

        workspace = null;
        return false;
    }

    public void Set(string teamId, string? enterpriseId, SlackInstalledWorkspace workspace)
    {
        var lifetime = options.Value.WorkspaceCacheTime;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(teamId, enterpriseId)] = (workspace, time.GetUtcNow() + lifetime);
    }

    /// <summary>Drops every entry that reached this workspace, by its own id or through a team of its enterprise.</summary>
    public void Forget(string externalId)
    {
        foreach (var key in _entries.Where(e => e.Key.TeamId == externalId || e.Value.Workspace.ExternalId == externalId).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(key, out _);
        }
    }
}
