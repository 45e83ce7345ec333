using MicroMove.Bot.Chat;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.DevConsole;

/// <summary>
/// The dev console's "platform": messages are rows in console_messages, with both the
/// Slack (Block Kit) and Teams (Adaptive Card) renderings, which the console page shows.
/// Sending always succeeds; the row id is the message reference for updates.
/// </summary>
internal sealed class ConsoleGateway(IServiceScopeFactory scopes, TimeProvider clock) : IChatGateway
{
    public ChatPlatform Platform => ChatPlatform.Console;

    public async Task<SendOutcome> SendAsync(ChatAddress to, BotMessage message, PostingCheckpoint? beforePosting, CancellationToken cancellationToken)
    {
        if (beforePosting is not null && !await beforePosting(cancellationToken))
        {
            return new SendOutcome.RetryLater(null, "the sender gave the send up before posting");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var now = clock.GetUtcNow();
        var conversation = to.ConversationId ?? DirectConversation(to.PlatformUserId);
        var row = new ConsoleMessageEntity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = to.WorkspaceId,
            ConversationId = conversation,
            Kind = KindOf(message),
            FallbackText = message.FallbackText,
            SlackPayload = BlockKitRenderer.Render(message).ToJsonString(),
            TeamsPayload = AdaptiveCardRenderer.Render(message).ToJsonString(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ConsoleMessages.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new SendOutcome.Sent(row.Id.ToString("N"), conversation);
    }

    public async Task<SendOutcome> UpdateAsync(ChatAddress to, string messageRef, BotMessage message, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(messageRef, out var id))
        {
            return new SendOutcome.RecipientUnreachable($"unknown console message {messageRef}");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var kind = KindOf(message);
        var slack = BlockKitRenderer.Render(message).ToJsonString();
        var teams = AdaptiveCardRenderer.Render(message).ToJsonString();
        var updated = await db.ConsoleMessages
            .Where(m => m.Id == id && m.WorkspaceId == to.WorkspaceId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Kind, kind)
                    .SetProperty(m => m.FallbackText, message.FallbackText)
                    .SetProperty(m => m.SlackPayload, slack)
                    .SetProperty(m => m.TeamsPayload, teams)
                    .SetProperty(m => m.UpdatedAt, clock.GetUtcNow()),
                cancellationToken);
        return updated == 1 ? new SendOutcome.Sent(messageRef, null) : new SendOutcome.RecipientUnreachable($"no console message {messageRef}");
    }

    public static string DirectConversation(string platformUserId) => $"dm:{platformUserId}";

    /// <summary>"MovementPromptMessage" → "movement-prompt".</summary>
    private static string KindOf(BotMessage message)
    {
        var name = message.GetType().Name.Replace("Message", string.Empty, StringComparison.Ordinal);
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
    }
}
