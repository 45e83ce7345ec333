namespace MicroMove.Bot.Teams;

/// <summary>
/// A non-idempotent POST timed out or got a 5xx: the message may or may not have been posted.
/// It was not resent here, so the person never gets it twice; the delivery worker decides.
/// </summary>
internal sealed record ConnectorSendUncertain(string Reason) : ConnectorResult;
