namespace MicroMove.Bot.Teams;

/// <summary>
/// Not applied. <see cref="Code"/> is Teams' error code or ours (<c>UntrustedServiceUrl</c>,
/// <c>TokenUnavailable</c>, <c>RetriesExhausted</c>, <c>LocallyThrottled</c>…); <see cref="Retryable"/> says
/// whether trying again later may work, and <see cref="RetryAfter"/> how long to wait first when
/// known (Teams' Retry-After, or our limiter's estimate).
/// </summary>
internal sealed record ConnectorFailure(int? StatusCode, string Code, string Message, bool Retryable, TimeSpan? RetryAfter = null) : ConnectorResult;
