namespace MicroMove.Bot.Slack;

/// <summary>A slash command (form fields of POST /slack/commands). Answer later through ResponseUrl (30 min, 5 uses).</summary>
internal sealed record SlackCommand(
    string TeamId,
    string? EnterpriseId,
    string UserId,
    string? UserName,
    string ChannelId,
    string Command,
    string Text,
    Uri ResponseUrl,
    string? TriggerId,
    string? ApiAppId,
    string? TeamDomain,
    string? ChannelName,
    bool IsEnterpriseInstall);
