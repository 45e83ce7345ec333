namespace MicroMove.Bot.Teams;

/// <summary><c>channelData.team</c>.</summary>
internal sealed record TeamsTeamInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadGroupId { get; init; }
}
