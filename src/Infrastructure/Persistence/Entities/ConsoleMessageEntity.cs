namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// A message the bot posted in the dev console's simulated workspace: the console's own
/// "platform" keeps them here so the page (and every replica) can show them.
/// </summary>
public sealed class ConsoleMessageEntity
{
    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    /// <summary>The person's DM thread, or the simulated channel's id.</summary>
    public required string ConversationId { get; set; }

    /// <summary>Which message kind this is (prompt, done, notice…), for the page.</summary>
    public required string Kind { get; set; }

    public required string FallbackText { get; set; }

    /// <summary>The Block Kit rendering, as Slack would receive it (jsonb).</summary>
    public string? SlackPayload { get; set; }

    /// <summary>The Adaptive Card rendering, as Teams would receive it (jsonb).</summary>
    public string? TeamsPayload { get; set; }

    /// <summary>True for what a person typed into the console, false for the bot's messages.</summary>
    public bool FromPerson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
