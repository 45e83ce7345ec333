using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>Replace the bot's earlier message (by its platform reference) with a new state of it.</summary>
internal sealed record MessageUpdate(string? MessageRef, BotMessage Message);
