namespace MicroMove.Bot.Slack;

/// <summary>Body of conversations.open.</summary>
internal sealed class SlackConversationsOpenRequestWire
{
    public required string Users { get; init; }
}
