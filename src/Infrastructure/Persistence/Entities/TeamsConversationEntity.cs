namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// The latest Teams conversation reference seen in a validated inbound activity: where to
/// send to reach that conversation (its service URL) and who was in it. Refreshed by every
/// inbound activity; outbound sends only go to service URLs recorded here.
/// </summary>
public sealed class TeamsConversationEntity
{
    /// <summary>Teams conversation id (<c>a:…</c> personal, <c>19:…@thread.tacv2</c> channel/group).</summary>
    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public string? TenantId { get; set; }

    /// <summary>personal, channel or groupChat, as Teams spells it.</summary>
    public string? ConversationType { get; set; }

    /// <summary>The user (<c>29:…</c>) who last spoke in the conversation.</summary>
    public string? UserId { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>The bot's own account (<c>28:{appId}</c>).</summary>
    public string? BotId { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
