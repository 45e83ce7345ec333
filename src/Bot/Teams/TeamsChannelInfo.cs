namespace MicroMove.Bot.Teams;

/// <summary><c>channelData.channel</c> (or <c>settings.selectedChannel</c>).</summary>
internal sealed record TeamsChannelInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
