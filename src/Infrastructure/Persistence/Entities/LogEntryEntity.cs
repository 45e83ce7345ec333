namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// The article's log line: a set done, its movements and the fatigue before and after.
/// <see cref="SourceKey"/> (unique per person) keeps retried answers from being recorded twice:
/// "delivery:{id}" for a prompted set, "instant:{request id}" for one asked for on demand.
/// </summary>
public sealed class LogEntryEntity
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public PersonEntity? Person { get; set; }

    public Guid? DeliveryId { get; set; }

    public PromptDeliveryEntity? Delivery { get; set; }

    public required string SourceKey { get; set; }

    public DateTimeOffset DoneAt { get; set; }

    public List<string> Movements { get; set; } = [];

    /// <summary>Routine slug; null for an instant set.</summary>
    public string? Routine { get; set; }

    public short? FatigueBefore { get; set; }

    public short? FatigueAfter { get; set; }

    public string? Note { get; set; }

    public uint Version { get; set; }
}
