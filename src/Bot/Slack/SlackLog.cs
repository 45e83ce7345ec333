namespace MicroMove.Bot.Slack;

/// <summary>Every Slack log line. Ids, paths, method names and error codes only: never tokens, secrets or bodies.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Slack request to {Path} rejected: {Reason}")]
    public static partial void SlackSignatureRejected(this ILogger logger, PathString path, SlackSignatureCheck reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Slack request to {Path} refused: body over the size limit")]
    public static partial void SlackBodyTooLarge(this ILogger logger, PathString path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Slack ssl_check on {Path} answered")]
    public static partial void SlackSslCheck(this ILogger logger, PathString path);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Slack request to {Path} is malformed: {Reason}")]
    public static partial void SlackInvalid(this ILogger logger, PathString path, string? reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Slack request to {Path} ignored: {Reason}")]
    public static partial void SlackIgnored(this ILogger logger, PathString path, string? reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Slack url_verification answered")]
    public static partial void SlackUrlVerification(this ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Slack event {EventId} already processed (retry {RetryNum}); acked, not handed on")]
    public static partial void SlackDuplicateEvent(this ILogger logger, string eventId, int? retryNum);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Slack event {EventId} not acked: the de-duplication store is unavailable")]
    public static partial void SlackDedupeUnavailable(this ILogger logger, Exception exception, string eventId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Slack inbound queue is full; {Work} refused")]
    public static partial void SlackQueueFull(this ILogger logger, string work);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Slack {Work} accepted for team {TeamId} (retry {RetryNum})")]
    public static partial void SlackAccepted(this ILogger logger, string work, string teamId, int? retryNum);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Slack {Work} failed in its handler")]
    public static partial void SlackWorkFailed(this ILogger logger, Exception exception, string work);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Slack {Work} abandoned at shutdown")]
    public static partial void SlackWorkAbandoned(this ILogger logger, string work);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Slack {Kind} for team {TeamId} reached the default handler, which does nothing")]
    public static partial void SlackUnhandled(this ILogger logger, string kind, string teamId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Slack view_submission {CallbackId} handler ran over the 3 s budget; the modal closes")]
    public static partial void SlackViewSubmissionTooSlow(this ILogger logger, string? callbackId);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error, Message = "Slack view_submission {CallbackId} handler failed; the modal closes")]
    public static partial void SlackViewSubmissionFailed(this ILogger logger, Exception exception, string? callbackId);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Slack {Command} for team {TeamId}: no answer in the ack (acked empty, answered later instead)")]
    public static partial void SlackAckAnswerFailed(this ILogger logger, Exception exception, string command, string teamId);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Slack {Method} for team {TeamId} succeeded (attempt {Attempt})")]
    public static partial void SlackCallSucceeded(this ILogger logger, string method, string teamId, int attempt);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Slack {Method} for team {TeamId} failed: {Error} (HTTP {Status})")]
    public static partial void SlackCallFailed(this ILogger logger, string method, string teamId, string error, int? status);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Slack {Method} for team {TeamId}: {Error}, retrying after attempt {Attempt}")]
    public static partial void SlackCallRetrying(this ILogger logger, string method, string teamId, string error, int attempt);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Slack {Method} for team {TeamId} rate limited; waiting {Seconds} s")]
    public static partial void SlackRateLimited(this ILogger logger, string method, string teamId, double seconds);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Slack workspace {WorkspaceId} stored (single-workspace mode: {SingleWorkspace})")]
    public static partial void SlackWorkspaceSaved(this ILogger logger, string workspaceId, bool singleWorkspace);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Slack workspace {WorkspaceId} deactivated ({Reason}); {Rows} row(s)")]
    public static partial void SlackWorkspaceDeactivated(this ILogger logger, string workspaceId, string reason, int rows);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Slack install refused: {Reason}")]
    public static partial void SlackOAuthRejected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Information, Message = "Slack workspace {WorkspaceId} installed MicroMove")]
    public static partial void SlackInstalled(this ILogger logger, string workspaceId);
}
