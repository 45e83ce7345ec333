namespace MicroMove.Bot.Teams;

/// <summary>Teams log lines. Never pass tokens, secrets or message text.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Teams request rejected with {StatusCode}: {Reason}")]
    public static partial void Rejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Teams activity of type {ActivityType} ignored (id {ActivityId})")]
    public static partial void Ignored(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Teams activity {ActivityId} already handled; redelivery ignored")]
    public static partial void Duplicate(ILogger logger, string? activityId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Teams handler failed for {ActivityType} activity {ActivityId}")]
    public static partial void HandlerFailed(ILogger logger, string? activityType, string? activityId, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Teams activity queue full; activity {ActivityId} refused with 503 so Teams retries")]
    public static partial void QueueFull(ILogger logger, string? activityId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Teams request failed unexpectedly; answered {StatusCode}")]
    public static partial void Unexpected(ILogger logger, int statusCode, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Connector {Method} {Operation} answered {StatusCode} ({ErrorCode}), correlation {CorrelationId}")]
    public static partial void ConnectorError(ILogger logger, string method, string operation, int statusCode, string errorCode, string? correlationId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Connector {Method} {Operation}: {Reason}; retrying in {Delay} (attempt {Attempt})")]
    public static partial void ConnectorRetry(ILogger logger, string method, string operation, string reason, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Connector {Method} {Operation} may or may not have been applied: {Reason}")]
    public static partial void ConnectorUncertain(ILogger logger, string method, string operation, string reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Connector call refused: service URL {ServiceUrl} was never seen in a validated inbound activity")]
    public static partial void UntrustedServiceUrl(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Bot token fetched from {TokenEndpoint}; valid for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, Uri tokenEndpoint, TimeSpan lifetime);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Error, Message = "Bot token request to {TokenEndpoint} failed: {Reason}")]
    public static partial void TokenFailed(ILogger logger, Uri tokenEndpoint, string reason);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Teams tenant {TenantId} registered as workspace {WorkspaceId}")]
    public static partial void WorkspaceCreated(ILogger logger, string tenantId, Guid workspaceId);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "MicroMove installed in a {ConversationType} conversation of tenant {TenantId}")]
    public static partial void Installed(ILogger logger, string conversationType, string tenantId);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Information, Message = "MicroMove removed from a {ConversationType} conversation of tenant {TenantId}; {People} people stop getting prompts")]
    public static partial void Removed(ILogger logger, string conversationType, string tenantId, int people);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Information, Message = "Teams card action not handled: {Reason}")]
    public static partial void ActionNotOurs(ILogger logger, string reason);

    [LoggerMessage(EventId = 4034, Level = LogLevel.Warning, Message = "Teams activity {ActivityId} ({ActivityType}) lacks {Missing}; ignored")]
    public static partial void Incomplete(ILogger logger, string? activityId, string? activityType, string missing);

    [LoggerMessage(EventId = 4035, Level = LogLevel.Warning, Message = "Connector {Operation} for a conversation reply did not succeed: {Result}")]
    public static partial void ReplyFailed(ILogger logger, string operation, string result);

    [LoggerMessage(EventId = 4036, Level = LogLevel.Warning, Message = "Teams card of {Bytes} bytes is over the card limit; sent as text")]
    public static partial void CardTooLarge(ILogger logger, int bytes);
}
