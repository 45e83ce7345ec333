namespace MicroMove.Bot.Slack;

/// <summary>A published or opened view: its id and the hash to pass on the next update.</summary>
internal sealed record SlackViewInfo(string Id, string? Hash);
