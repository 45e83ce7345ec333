namespace MicroMove.Bot.Slack;

/// <summary>A rate-limit partition: Slack limits per method × workspace (× channel for chat.postMessage).</summary>
internal readonly record struct SlackRateKey(string Team, string Method, string? Channel);
