namespace MicroMove.Bot.Slack;

/// <summary>
/// oauth.v2.access result. WorkspaceId is the team id, or the enterprise id for an org-wide
/// install (team is null there). ToString hides the token.
/// </summary>
internal sealed record SlackOAuthAccess(
    string AccessToken,
    string TokenType,
    string? Scope,
    string? BotUserId,
    string? AppId,
    string WorkspaceId,
    string? TeamName,
    string? EnterpriseId,
    bool IsEnterpriseInstall,
    string InstallerUserId)
{
    public override string ToString() => $"SlackOAuthAccess({WorkspaceId}, {TokenType}, {Scope})";
}
