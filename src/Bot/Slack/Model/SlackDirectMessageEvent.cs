namespace MicroMove.Bot.Slack;

/// <summary>A person typed in the bot DM (message.im). Bot posts, edits/deletions (subtypes) and the bot's own messages never get here.</summary>
internal sealed record SlackDirectMessageEvent(
    SlackEventContext Context,
    string UserId,
    string ChannelId,
    string Text,
    string Ts,
    string? ThreadTs,
    string? ClientMsgId) : SlackEvent(Context);
