using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Chat;

/// <summary>Where a message goes: a person's direct conversation in their workspace, on their platform.</summary>
internal sealed record ChatAddress(
    ChatPlatform Platform,
    Guid WorkspaceId,
    string WorkspaceExternalId,
    Guid PersonId,
    string PlatformUserId,
    string? ConversationId,
    string? ServiceUrl);
