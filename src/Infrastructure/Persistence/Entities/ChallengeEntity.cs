namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>A team challenge run by a lead in a channel of one workspace.</summary>
public sealed class ChallengeEntity
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public WorkspaceEntity? Workspace { get; set; }

    /// <summary>The channel (Slack) or team conversation (Teams) where it runs.</summary>
    public required string ChannelId { get; set; }

    public required string Title { get; set; }

    public Guid CreatedByPersonId { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>Sets a day each participant aims for.</summary>
    public int DailyGoal { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public List<ChallengeParticipantEntity> Participants { get; set; } = [];
}
