namespace MicroMove.Bot.Teams;

/// <summary><c>channelData.settings</c>: the channel chosen when the app was installed in a team.</summary>
internal sealed record TeamsChannelSettings
{
    public TeamsChannelInfo? SelectedChannel { get; init; }
}
