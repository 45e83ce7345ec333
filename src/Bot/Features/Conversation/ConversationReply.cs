using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// What the bot answers: new messages to post in the conversation, and possibly a message
/// of its own to change in place (the prompt that was just answered).
/// </summary>
internal sealed record ConversationReply(IReadOnlyList<BotMessage> Messages, MessageUpdate? Update = null)
{
    public static ConversationReply Say(BotMessage message) => new([message]);

    public static ConversationReply Nothing { get; } = new([]);
}
