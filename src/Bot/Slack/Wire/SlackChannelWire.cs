namespace MicroMove.Bot.Slack;

/// <summary>channel {id, name}.</summary>
internal sealed class SlackChannelWire
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
