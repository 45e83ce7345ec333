namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// A team challenge run by a lead in a channel of one workspace. At most one is active per channel
/// (a partial unique index). Its calendar is fixed when it starts: <see cref="StartsOn"/>, and
/// <see cref="Days"/> of the creator's <see cref="WorkDays"/> up to <see cref="EndsOn"/>; its daily
/// update is due at <see cref="UpdateTime"/> in <see cref="TimeZoneId"/> (the creator's end of day).
/// </summary>
public sealed class ChallengeEntity
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public WorkspaceEntity? Workspace { get; set; }

    /// <summary>The channel (Slack), the team channel or group chat (Teams, without a thread's ";messageid=") or the console channel.</summary>
    public required string ChannelId { get; set; }

    public required string Title { get; set; }

    /// <summary>Who started it (no foreign key: the challenge outlives its creator's data being deleted).</summary>
    public Guid CreatedByPersonId { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>How many work days it lasts.</summary>
    public int Days { get; set; } = Domain.Challenges.ChallengeRules.DefaultDays;

    /// <summary>The creator's work days when it started (DayOfWeek numbers, Sunday = 0): the days it counts.</summary>
    public List<int> WorkDays { get; set; } = [];

    /// <summary>Sets a day each participant aims for.</summary>
    public int DailyGoal { get; set; }

    /// <summary>The creator's IANA zone: the challenge's own calendar and the time of its updates.</summary>
    public string TimeZoneId { get; set; } = "Etc/UTC";

    /// <summary>Local time of the daily leaderboard post (the creator's end of day).</summary>
    public TimeOnly UpdateTime { get; set; } = new(17, 30);

    /// <summary>When the next leaderboard post is due (UTC); null once the results are out. Indexed for the dispatcher.</summary>
    public DateTimeOffset? NextUpdateAt { get; set; }

    /// <summary>The latest challenge card posted in the channel, so a typed "challenge join" can refresh it in place.</summary>
    public string? CardMessageRef { get; set; }

    /// <summary>Teams: the service URL the channel was seen on (null elsewhere).</summary>
    public string? ServiceUrl { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public List<ChallengeParticipantEntity> Participants { get; set; } = [];
}
