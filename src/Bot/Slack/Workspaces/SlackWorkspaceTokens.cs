using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// The bot token of a Slack workspace, for both modes. OAuth installs store one sealed token per
/// workspace row (<see cref="CredentialProtector"/>, context "slack:{team id}"). Single-workspace
/// mode (Slack__BotToken) creates that row on first need, keyed by auth.test's team id, with the
/// configured token sealed the same way. Deactivated workspaces have no token.
/// </summary>
internal sealed class SlackWorkspaceTokens(
    MicroMoveDbContext db,
    CredentialProtector protector,
    IOptions<SlackOptions> options,
    SlackWebApiClient api,
    SlackSingleWorkspace single,
    SlackWorkspaceCache cache,
    TimeProvider time,
    ILogger<SlackWorkspaceTokens> logger)
{
    public static string ProtectionContext(string workspaceId) => $"slack:{workspaceId}";

    /// <summary>
    /// The workspace of an inbound request with its token, from <see cref="SlackWorkspaceCache"/> or
    /// else one query; null when it is not installed or no longer active.
    /// </summary>
    public async Task<SlackInstalledWorkspace?> FindInstalledAsync(string teamId, string? enterpriseId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(teamId, enterpriseId, out var cached))
        {
            return cached;
        }

        var row = await FindRowAsync(teamId, enterpriseId, cancellationToken);
        if (row is null && await GetBotTokenAsync(teamId, enterpriseId, cancellationToken) is not null)
        {
            // Single-workspace mode stored its row just now.
            row = await FindRowAsync(teamId, enterpriseId, cancellationToken);
        }

        if (row is not { Active: true, EncryptedCredentials: { } sealedToken })
        {
            return null;
        }

        var workspace = new SlackInstalledWorkspace(row.Id, row.ExternalId, new SlackBotToken(teamId, protector.Unprotect(sealedToken, ProtectionContext(row.ExternalId))));
        cache.Set(teamId, enterpriseId, workspace);
        return workspace;
    }

    /// <summary>
    /// The token for a team (or, for org-wide installs, its enterprise); null if none is usable.
    /// Read from the database each time (inbound requests and deliveries use the cached <see cref="FindInstalledAsync"/>).
    /// </summary>
    public async Task<SlackBotToken?> GetBotTokenAsync(string teamId, string? enterpriseId = null, CancellationToken cancellationToken = default)
    {
        var row = await FindRowAsync(teamId, enterpriseId, cancellationToken);
        if (row is not null)
        {
            return row is { Active: true, EncryptedCredentials: { } sealedToken }
                ? new SlackBotToken(teamId, protector.Unprotect(sealedToken, ProtectionContext(row.ExternalId)))
                : null;
        }

        if (options.Value.BotToken is { Length: > 0 } botToken)
        {
            var identity = await single.IdentityAsync(api, botToken, cancellationToken);
            if (identity.TeamId == teamId)
            {
                await SaveAsync(identity.TeamId, identity.TeamName ?? identity.TeamId, botToken, cancellationToken);
                logger.SlackWorkspaceSaved(identity.TeamId, true);
                return new SlackBotToken(teamId, botToken);
            }
        }

        return null;
    }

    /// <summary>Single-workspace mode: the configured workspace's token (its row is created on first need).</summary>
    public async Task<SlackBotToken?> GetSingleWorkspaceTokenAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.BotToken is not { Length: > 0 } botToken)
        {
            return null;
        }

        var identity = await single.IdentityAsync(api, botToken, cancellationToken);
        return await GetBotTokenAsync(identity.TeamId, identity.EnterpriseId, cancellationToken);
    }

    /// <summary>The team's own row, else its enterprise's (org-wide install); one query for both.</summary>
    private async Task<WorkspaceEntity?> FindRowAsync(string teamId, string? enterpriseId, CancellationToken cancellationToken)
    {
        var rows = await db.Workspaces.AsNoTracking()
            .Where(w => w.Platform == ChatPlatform.Slack && (w.ExternalId == teamId || w.ExternalId == enterpriseId))
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault(w => w.ExternalId == teamId) ?? rows.FirstOrDefault();
    }

    /// <summary>Stores (or re-activates) an OAuth installation with its bot token sealed.</summary>
    public async Task<WorkspaceEntity> SaveInstallationAsync(SlackOAuthAccess access, CancellationToken cancellationToken)
    {
        var row = await SaveAsync(access.WorkspaceId, access.TeamName ?? access.WorkspaceId, access.AccessToken, cancellationToken);
        logger.SlackWorkspaceSaved(access.WorkspaceId, false);
        return row;
    }

    /// <summary>app_uninstalled / tokens_revoked / invalid_auth: the workspace is unusable until it installs again.</summary>
    public async Task<int> DeactivateAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Workspaces
            .Where(w => w.Platform == ChatPlatform.Slack && w.ExternalId == teamId && w.Active)
            .ExecuteUpdateAsync(
                set => set.SetProperty(w => w.Active, false)
                    .SetProperty(w => w.DeactivatedAt, now)
                    .SetProperty(w => w.EncryptedCredentials, (byte[]?)null),
                cancellationToken);
        cache.Forget(teamId);
        logger.SlackWorkspaceDeactivated(teamId, reason, rows);
        return rows;
    }

    private async Task<WorkspaceEntity> SaveAsync(string workspaceId, string name, string token, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.Workspaces.FirstOrDefaultAsync(w => w.Platform == ChatPlatform.Slack && w.ExternalId == workspaceId, cancellationToken);
            if (row is null)
            {
                row = new WorkspaceEntity
                {
                    Platform = ChatPlatform.Slack,
                    ExternalId = workspaceId,
                    Name = name,
                    CreatedAt = time.GetUtcNow(),
                };
                db.Workspaces.Add(row);
            }

            row.Name = name;
            row.EncryptedCredentials = protector.Protect(token, ProtectionContext(workspaceId));
            row.Active = true;
            row.DeactivatedAt = null;
            if (await db.SaveUnlessDuplicateAsync(cancellationToken) || attempt > 0)
            {
                // A new token (re-install, rotation) replaces the one cached for inbound requests.
                cache.Forget(workspaceId);
                return row;
            }

            // Another request inserted the same workspace meanwhile: update that row instead.
        }
    }
}
