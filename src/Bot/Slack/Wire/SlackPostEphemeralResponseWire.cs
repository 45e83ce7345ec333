namespace MicroMove.Bot.Slack;

/// <summary>chat.postEphemeral answer.</summary>
internal sealed class SlackPostEphemeralResponseWire : SlackApiResponseWire
{
    public string? MessageTs { get; init; }
}
