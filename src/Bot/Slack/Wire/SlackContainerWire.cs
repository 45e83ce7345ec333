namespace MicroMove.Bot.Slack;

/// <summary>Where an interaction happened: a message or a view.</summary>
internal sealed class SlackContainerWire
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool? IsEphemeral { get; init; }

    public string? ViewId { get; init; }
}
