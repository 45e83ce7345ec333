namespace MicroMove.Bot.Slack;

/// <summary>team {id, domain}.</summary>
internal sealed class SlackTeamWire
{
    public string? Id { get; init; }

    public string? Domain { get; init; }

    public string? Name { get; init; }
}
