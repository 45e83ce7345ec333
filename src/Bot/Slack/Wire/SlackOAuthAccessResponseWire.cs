namespace MicroMove.Bot.Slack;

/// <summary>oauth.v2.access answer.</summary>
internal sealed class SlackOAuthAccessResponseWire : SlackApiResponseWire
{
    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    public SlackTeamWire? Team { get; init; }

    public SlackEnterpriseWire? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public SlackUserWire? AuthedUser { get; init; }

    public string? RefreshToken { get; init; }

    public int? ExpiresIn { get; init; }
}
