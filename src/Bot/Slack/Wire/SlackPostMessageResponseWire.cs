namespace MicroMove.Bot.Slack;

/// <summary>chat.postMessage / chat.update answer.</summary>
internal sealed class SlackPostMessageResponseWire : SlackApiResponseWire
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}
