namespace MicroMove.Bot.Slack;

/// <summary>
/// A slash command (form fields of POST /slack/commands). Answer later through ResponseUrl (30 min,
/// 5 uses), unless <see cref="AnsweredInAck"/>: then the ack's body answered it already.
/// </summary>
internal sealed record SlackCommand(
    string TeamId,
    string? EnterpriseId,
    string UserId,
    string? UserName,
    string ChannelId,
    string Command,
    string Text,
    Uri ResponseUrl,
    string? TriggerId,
    string? ApiAppId,
    string? TeamDomain,
    string? ChannelName,
    bool IsEnterpriseInstall)
{
    /// <summary>Set by the endpoint from <see cref="SlackCommandAck.Answered"/> before the handler runs.</summary>
    public bool AnsweredInAck { get; init; }
}
