namespace MicroMove.Bot.Teams;

/// <summary>What the Connector answers to a create, send, reply or update.</summary>
internal sealed record ResourceResponse
{
    /// <summary>The activity id (send, reply, update) or conversation id (create).</summary>
    public string? Id { get; init; }

    /// <summary>Create conversation with an initial activity: that activity's id.</summary>
    public string? ActivityId { get; init; }

    public string? ServiceUrl { get; init; }
}
