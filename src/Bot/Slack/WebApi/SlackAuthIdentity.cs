namespace MicroMove.Bot.Slack;

/// <summary>auth.test: whose token this is.</summary>
internal sealed record SlackAuthIdentity(
    string TeamId,
    string? TeamName,
    string? UserId,
    string? BotId,
    string? EnterpriseId,
    string? Url);
