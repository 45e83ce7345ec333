namespace MicroMove.Bot.Slack;

/// <summary>
/// A workspace's bot token, passed to each Web API call (many workspaces share one client). The
/// team id keys rate limits and caches. ToString never shows the token, so it cannot end up in a log.
/// </summary>
internal sealed class SlackBotToken(string teamId, string token)
{
    public string TeamId { get; } = teamId;

    public string Token { get; } = token;

    public override string ToString() => $"SlackBotToken({TeamId}, ***)";
}
