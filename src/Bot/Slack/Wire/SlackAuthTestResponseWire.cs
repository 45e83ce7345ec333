namespace MicroMove.Bot.Slack;

/// <summary>auth.test answer.</summary>
internal sealed class SlackAuthTestResponseWire : SlackApiResponseWire
{
    public string? Url { get; init; }

    public string? Team { get; init; }

    public string? User { get; init; }

    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}
