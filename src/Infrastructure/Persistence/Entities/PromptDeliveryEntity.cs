namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// One prompt (or summary) owed to one person for one slot occurrence, or one challenge update owed
/// to a channel: exactly one of <see cref="PersonId"/> and <see cref="ChallengeId"/> is set. The unique
/// (person, slot key) and (challenge, slot key) pairs are what make dispatch idempotent across
/// re-runs and replicas.
/// </summary>
public sealed class PromptDeliveryEntity
{
    public Guid Id { get; set; }

    /// <summary>The person it goes to; null for a challenge update, which goes to the challenge's channel.</summary>
    public Guid? PersonId { get; set; }

    public PersonEntity? Person { get; set; }

    /// <summary>The challenge whose channel gets this leaderboard update or results; null for a person's delivery.</summary>
    public Guid? ChallengeId { get; set; }

    public ChallengeEntity? Challenge { get; set; }

    /// <summary>Denormalised so rate limiting and isolation need no join.</summary>
    public Guid WorkspaceId { get; set; }

    public DeliveryKind Kind { get; set; }

    /// <summary>The slot occurrence's stable key, e.g. "2026-11-25T10:30/every-30-minutes".</summary>
    public required string SlotKey { get; set; }

    /// <summary>Routine slug; null for a weekly summary.</summary>
    public string? Routine { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The planned set: movement slugs and reps, in order.</summary>
    public List<DeliveredMovement> Movements { get; set; } = [];

    /// <summary>The article mistake shown as this prompt's tip (MistakeId name).</summary>
    public string? Tip { get; set; }

    /// <summary>Why the set differs from the routine's plain suggestion, in plain words.</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>"How do you feel before?" when answered before "Done" (1–5).</summary>
    public short? FatigueBefore { get; set; }

    /// <summary>How often this prompt was snoozed; each snooze is a new delivery keyed "{slot}/snooze-{n}".</summary>
    public int Snoozes { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>While claimed, the claim is void after this instant and another node may take it; while sending, the send is deemed dead after it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Earliest next try (backoff, Retry-After, snooze).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>The platform's message reference (Slack channel + ts, Teams activity id) for updates in place.</summary>
    public string? PlatformMessageRef { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public uint Version { get; set; }
}
