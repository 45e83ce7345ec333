namespace MicroMove.Bot.Slack;

/// <summary>Someone wrote @MicroMove in a channel (app_mention).</summary>
internal sealed record SlackAppMentionEvent(
    SlackEventContext Context,
    string UserId,
    string ChannelId,
    string Text,
    string Ts,
    string? ThreadTs) : SlackEvent(Context);
