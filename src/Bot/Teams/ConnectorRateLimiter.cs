using System.Threading.RateLimiting;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Client-side throttling that mirrors Teams' published limits, so we wait instead of collecting
/// 429s: per bot per conversation (thread) 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour
/// (send and create); per app per tenant 50 per second. Callers queue (oldest first) for a permit.
/// The tenant limit is the one a busy tenant runs into, so it is counted exactly (<see cref="SlidingLogRateLimiter"/>).
/// </summary>
internal sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private const int QueueLimit = 100_000;

    /// <summary>
    /// Added to the tenant's second: the limit applies to requests as Teams receives them, and two sends
    /// granted a second apart may arrive a little less apart when the first one was slower on its way.
    /// </summary>
    private static readonly TimeSpan ArrivalJitter = TimeSpan.FromMilliseconds(40);

    private readonly PartitionedRateLimiter<ConnectorTarget> _limiter;

    public ConnectorRateLimiter(TimeProvider clock)
    {
        _limiter = PartitionedRateLimiter.CreateChained(
            PerTenant(50, TimeSpan.FromSeconds(1) + ArrivalJitter, clock),
            PerConversation(7, TimeSpan.FromSeconds(1), 5),
            PerConversation(8, TimeSpan.FromSeconds(2), 4),
            PerConversation(60, TimeSpan.FromSeconds(30), 6),
            PerConversation(1800, TimeSpan.FromHours(1), 12));
    }

    /// <summary>Waits for a permit; the lease says whether one was granted (false when the local queue overflows).</summary>
    public ValueTask<RateLimitLease> AcquireAsync(ConnectorTarget target, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(target, 1, cancellationToken);

    /// <summary>Takes a permit only if one is free now.</summary>
    public RateLimitLease AttemptAcquire(ConnectorTarget target) => _limiter.AttemptAcquire(target);

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    private static PartitionedRateLimiter<ConnectorTarget> PerTenant(int permits, TimeSpan window, TimeProvider clock) =>
        PartitionedRateLimiter.Create<ConnectorTarget, string>(target =>
            RateLimitPartition.Get(target.TenantId ?? string.Empty, _ => new SlidingLogRateLimiter(permits, window, QueueLimit, clock)));

    private static PartitionedRateLimiter<ConnectorTarget> PerConversation(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<ConnectorTarget, string>(target =>
            target.ConversationId is { } conversation
                ? RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => Options(permits, window, segments))
                : RateLimitPartition.GetNoLimiter(string.Empty));

    private static SlidingWindowRateLimiterOptions Options(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
