namespace MicroMove.Bot.Slack;

/// <summary>An option object {text, value}.</summary>
internal sealed class SlackOptionWire
{
    public string? Value { get; init; }
}
