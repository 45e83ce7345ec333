namespace MicroMove.Bot.Slack;

/// <summary>One installation that can see an event (envelope authorizations[]).</summary>
internal sealed class SlackAuthorizationWire
{
    public string? EnterpriseId { get; init; }

    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public bool IsBot { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}
