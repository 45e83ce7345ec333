namespace MicroMove.Bot.Slack;

/// <summary>The message an action was taken on (only what the protocol layer needs).</summary>
internal sealed class SlackMessageWire
{
    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }
}
