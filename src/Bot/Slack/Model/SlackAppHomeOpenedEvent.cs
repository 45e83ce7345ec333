namespace MicroMove.Bot.Slack;

/// <summary>A person opened the app's Home (Tab "home") or Messages (Tab "messages") tab. Fires on every open.</summary>
internal sealed record SlackAppHomeOpenedEvent(
    SlackEventContext Context,
    string UserId,
    string? ChannelId,
    string Tab) : SlackEvent(Context);
