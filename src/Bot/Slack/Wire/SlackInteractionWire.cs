namespace MicroMove.Bot.Slack;

/// <summary>An interactivity payload (the JSON inside the payload= form field).</summary>
internal sealed class SlackInteractionWire
{
    public string? Type { get; init; }

    public SlackTeamWire? Team { get; init; }

    public SlackUserWire? User { get; init; }

    public SlackEnterpriseWire? Enterprise { get; init; }

    public string? ApiAppId { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    public bool? IsEnterpriseInstall { get; init; }

    public SlackContainerWire? Container { get; init; }

    public SlackChannelWire? Channel { get; init; }

    public SlackMessageWire? Message { get; init; }

    public SlackViewWire? View { get; init; }

    public SlackStateWire? State { get; init; }

    public List<SlackActionWire>? Actions { get; init; }

    public bool? IsCleared { get; init; }
}
