namespace MicroMove.Bot.Slack;

/// <summary>A workspace installed the app through OAuth; its token is already sealed and stored.</summary>
internal sealed record SlackInstallation(
    string TeamId,
    string TeamName,
    string? EnterpriseId,
    string InstallerUserId,
    string? BotUserId,
    string? AppId,
    string? Scope);
