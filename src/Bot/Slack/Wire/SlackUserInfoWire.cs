namespace MicroMove.Bot.Slack;

/// <summary>users.info user object (what MicroMove needs).</summary>
internal sealed class SlackUserInfoWire
{
    public string? Id { get; init; }

    public string? TeamId { get; init; }

    public string? Name { get; init; }

    public string? RealName { get; init; }

    public string? Tz { get; init; }

    public string? TzLabel { get; init; }

    public int? TzOffset { get; init; }

    public bool IsBot { get; init; }

    public bool Deleted { get; init; }
}
