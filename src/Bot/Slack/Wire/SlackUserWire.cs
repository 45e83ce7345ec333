namespace MicroMove.Bot.Slack;

/// <summary>user {id, username, name, team_id}.</summary>
internal sealed class SlackUserWire
{
    public string? Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}
