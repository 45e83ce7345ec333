namespace MicroMove.Bot.Slack;

/// <summary>views.publish / views.open answer.</summary>
internal sealed class SlackViewResponseWire : SlackApiResponseWire
{
    public SlackViewWire? View { get; init; }
}
