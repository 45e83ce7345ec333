namespace MicroMove.Bot.Slack;

/// <summary>enterprise {id, name}.</summary>
internal sealed class SlackEnterpriseWire
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
