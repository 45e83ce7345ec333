using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Chat;

/// <summary>
/// The port every chat platform implements (dev console, Slack, Teams): render a
/// platform-neutral message the platform's way and send or update it.
/// </summary>
internal interface IChatGateway
{
    ChatPlatform Platform { get; }

    /// <summary>Sends, calling <paramref name="beforePosting"/> (when given) just before the request that may post, and posting nothing if it answers false.</summary>
    Task<SendOutcome> SendAsync(ChatAddress to, BotMessage message, PostingCheckpoint? beforePosting, CancellationToken cancellationToken);

    Task<SendOutcome> UpdateAsync(ChatAddress to, string messageRef, BotMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends for callers with nothing to record before the post (answers to a person who just wrote).</summary>
internal static class ChatGatewaySending
{
    public static Task<SendOutcome> SendAsync(this IChatGateway gateway, ChatAddress to, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return gateway.SendAsync(to, message, null, cancellationToken);
    }
}
