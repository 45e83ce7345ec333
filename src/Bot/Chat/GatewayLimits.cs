namespace MicroMove.Bot.Chat;

/// <summary>
/// Bounds shared by the platform gateways. A delivery is claimed under a lease (Prompts:Lease,
/// default 2 min): a send that sat in a client-side rate limiter (or out a 429's Retry-After) for
/// longer would outlive its claim, and another node could take the row over while this one is
/// still going to post it. So a gateway waits for the platform's limiters at most
/// <see cref="MaxRateLimitWait"/> in total; beyond that it answers
/// <see cref="SendOutcome.RetryLater"/> with the limiter's expected wait (nothing was sent) and the
/// delivery goes back to pending with that not-before, freeing the worker for other workspaces.
/// The HTTP call itself has its own timeout (Slack 10 s, Teams 30 s), so a send ends well within
/// the default lease.
/// </summary>
internal static class GatewayLimits
{
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(30);
}
