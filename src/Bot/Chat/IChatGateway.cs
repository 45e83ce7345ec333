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

    Task<SendOutcome> SendAsync(ChatAddress to, BotMessage message, CancellationToken cancellationToken);

    Task<SendOutcome> UpdateAsync(ChatAddress to, string messageRef, BotMessage message, CancellationToken cancellationToken);
}
