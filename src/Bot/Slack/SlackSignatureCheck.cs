namespace MicroMove.Bot.Slack;

/// <summary>Outcome of verifying one inbound request; anything but <see cref="Valid"/> is answered 401.</summary>
internal enum SlackSignatureCheck
{
    Valid,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    MissingSignature,
    UnsupportedVersion,
    MalformedSignature,
    Mismatch,
}
