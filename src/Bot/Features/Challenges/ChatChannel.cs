namespace MicroMove.Bot.Features.Challenges;

/// <summary>
/// Where a command was typed, as far as challenges care: the conversation's id and whether it is a
/// shared channel (a Slack channel, a Teams team channel or group chat, the console's #team) or a
/// one-to-one chat with the bot. <see cref="ServiceUrl"/> is Teams' service URL for that channel.
/// </summary>
internal sealed record ChatChannel(string ChannelId, bool IsChannel, string? ServiceUrl = null);
