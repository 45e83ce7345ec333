namespace MicroMove.Bot.Slack;

/// <summary>A modal was submitted; Values is state.values keyed block_id, then action_id. Answered inside the request (see ISlackInboundHandler).</summary>
internal sealed record SlackViewSubmission(
    SlackInteractionContext Context,
    string ViewId,
    string? CallbackId,
    string? PrivateMetadata,
    string? Hash,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> Values) : SlackInteraction(Context);
