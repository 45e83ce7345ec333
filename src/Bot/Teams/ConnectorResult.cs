namespace MicroMove.Bot.Teams;

/// <summary>
/// The outcome of a Connector call. The delivery worker decides what to do with each kind:
/// <see cref="ConnectorSuccess"/>, <see cref="RecipientUnreachable"/> (stop sending to that person),
/// <see cref="ConnectorSendUncertain"/> (a POST that may have been applied: do not resend blindly),
/// <see cref="ConnectorFailure"/> (not applied; <see cref="ConnectorFailure.Retryable"/> says whether later may work).
/// </summary>
internal abstract record ConnectorResult
{
    public bool Succeeded => this is ConnectorSuccess;
}
