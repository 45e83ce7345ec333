namespace MicroMove.Bot.Slack;

/// <summary>Log lines of the Slack conversation handler: ids and codes only, never tokens or message text.</summary>
internal static partial class SlackConversationLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Slack {Kind} from team {TeamId} dropped: the workspace has no usable bot token")]
    public static partial void SlackNoToken(this ILogger logger, string kind, string teamId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Slack person {UserId} of team {TeamId} created on first contact")]
    public static partial void SlackPersonCreated(this ILogger logger, string userId, string teamId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Slack action {ActionId} ignored: {Reason}")]
    public static partial void SlackActionNotOurs(this ILogger logger, string actionId, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Slack message update for team {TeamId} skipped: {Reason}")]
    public static partial void SlackUpdateSkipped(this ILogger logger, string teamId, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Slack users.info for {UserId} of team {TeamId} failed ({Error}); the person gets the fallback zone")]
    public static partial void SlackUserInfoFailed(this ILogger logger, string userId, string teamId, string error);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Slack {Kind} for team {TeamId} needs no feature work")]
    public static partial void SlackNothingToDo(this ILogger logger, string kind, string teamId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Slack schedule of {UserId} in team {TeamId} saved")]
    public static partial void SlackScheduleSaved(this ILogger logger, string userId, string teamId);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Slack schedule dialog for team {TeamId} not opened: {Error}")]
    public static partial void SlackScheduleDialogFailed(this ILogger logger, string teamId, string error);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Error, Message = "Slack instant set in team {TeamId} was posted but could not be stored; replacing it with a note")]
    public static partial void SlackInstantSetNotStored(this ILogger logger, Exception exception, string teamId);
}
