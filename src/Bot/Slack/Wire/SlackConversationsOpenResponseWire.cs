namespace MicroMove.Bot.Slack;

/// <summary>conversations.open answer.</summary>
internal sealed class SlackConversationsOpenResponseWire : SlackApiResponseWire
{
    public SlackChannelWire? Channel { get; init; }
}
