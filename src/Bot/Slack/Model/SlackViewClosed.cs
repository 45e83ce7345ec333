namespace MicroMove.Bot.Slack;

/// <summary>A modal was closed with notify_on_close set.</summary>
internal sealed record SlackViewClosed(
    SlackInteractionContext Context,
    string ViewId,
    string? CallbackId,
    string? PrivateMetadata,
    bool IsCleared) : SlackInteraction(Context);
