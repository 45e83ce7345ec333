namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// An inbound event already handled (Slack event_id, Teams activity id). The primary
/// key makes the second arrival of the same event a no-op.
/// </summary>
public sealed class ProcessedInboundEventEntity
{
    public ChatPlatform Platform { get; set; }

    public required string EventId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
