namespace MicroMove.Bot.Slack;

/// <summary>A button click or select change. On message surfaces ResponseUrl can replace the message; in the Home tab it is null.</summary>
internal sealed record SlackBlockActions(
    SlackInteractionContext Context,
    IReadOnlyList<SlackAction> Actions,
    SlackContainer Container,
    Uri? ResponseUrl,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> StateValues) : SlackInteraction(Context);
