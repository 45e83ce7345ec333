namespace MicroMove.Bot.Slack;

/// <summary>users.info answer.</summary>
internal sealed class SlackUsersInfoResponseWire : SlackApiResponseWire
{
    public SlackUserInfoWire? User { get; init; }
}
