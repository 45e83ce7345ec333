namespace MicroMove.Bot.Teams;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel and the conversationUpdate event type.</summary>
internal sealed record TeamsChannelData
{
    public TeamsTenantInfo? Tenant { get; init; }

    public TeamsTeamInfo? Team { get; init; }

    public TeamsChannelInfo? Channel { get; init; }

    /// <summary>conversationUpdate: <c>teamMemberAdded</c>, <c>teamMemberRemoved</c>, <c>channelCreated</c>…</summary>
    public string? EventType { get; init; }

    public TeamsChannelSettings? Settings { get; init; }
}
