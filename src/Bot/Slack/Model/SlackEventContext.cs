namespace MicroMove.Bot.Slack;

/// <summary>Envelope facts shared by every event: the dedupe key, the workspace, and the retry number if Slack re-sent it.</summary>
internal sealed record SlackEventContext(
    string EventId,
    string TeamId,
    string? EnterpriseId,
    string? ApiAppId,
    DateTimeOffset? EventTime,
    int? RetryNum);
