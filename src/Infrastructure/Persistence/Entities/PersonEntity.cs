namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>Someone who gets prompts; unique per workspace and platform user id.</summary>
public sealed class PersonEntity
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public WorkspaceEntity? Workspace { get; set; }

    public required string PlatformUserId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>IANA zone id; a timestamptz keeps no zone, so the person's zone has its own column.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Work days, hours, lunch, meetings, routines and cadence, as one JSON document.</summary>
    public required ScheduleSettings Schedule { get; set; }

    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>The next slot to prompt (UTC); indexed, so finding who is due costs O(due).</summary>
    public DateTimeOffset? NextPromptAt { get; set; }

    /// <summary>When the next weekly summary is due (UTC); indexed like <see cref="NextPromptAt"/>. Null until the dispatcher first sees the person.</summary>
    public DateTimeOffset? NextSummaryAt { get; set; }

    /// <summary>Where to reach the person: Slack DM channel id, Teams conversation id, console thread.</summary>
    public string? ConversationId { get; set; }

    /// <summary>Teams service URL seen in a validated inbound activity (null elsewhere).</summary>
    public string? ServiceUrl { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Why the platform refuses messages to this person (bot blocked, uninstalled), if it does.</summary>
    public string? UnreachableReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: people are edited by settings and by the dispatcher.</summary>
    public uint Version { get; set; }
}
