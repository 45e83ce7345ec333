namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>A person taking part in a challenge; joining twice is a no-op (composite key).</summary>
public sealed class ChallengeParticipantEntity
{
    public Guid ChallengeId { get; set; }

    public ChallengeEntity? Challenge { get; set; }

    public Guid PersonId { get; set; }

    public PersonEntity? Person { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
