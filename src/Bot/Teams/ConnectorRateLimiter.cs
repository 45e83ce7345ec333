using System.Threading.RateLimiting;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Client-side throttling that mirrors Teams' published limits, so we wait instead of collecting
/// 429s: per bot per conversation (thread) 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour
/// (send and create); per app per tenant 50 per second. Callers queue (oldest first) for a permit.
/// The tenant limit is the one a busy tenant runs into, so it is counted exactly (<see cref="SlidingLogRateLimiter"/>),
/// and twice: <see cref="AcquireAsync"/> admits a call before the caller's posting checkpoint (a database round
/// trip of varying length), and <see cref="AcquirePostingSlotAsync"/> re-paces the tenant's posts right before
/// they leave, so the checkpoint's latency cannot bunch two posts that were admitted a window apart.
/// </summary>
internal sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private const int QueueLimit = 100_000;
    private const int TenantPermits = 50;

    /// <summary>
    /// Added to the tenant's second at the posting gate: Teams counts requests as it receives them, and what
    /// still lies between the gate and that moment (serialising the body, the socket write, a GC pause on
    /// either side) can bring two posts closer together than they left. Throughput is 50 per window:
    /// 20 ms keeps 98 % of the limit (50 / 1.02 s = 49/s).
    /// </summary>
    private static readonly TimeSpan PostingMargin = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan PostingWindow = TimeSpan.FromSeconds(1) + PostingMargin;

    /// <summary>
    /// Admission no longer has to cover the checkpoint's latency (the gate absorbs it), only keep calls from
    /// reaching the gate faster than it lets them through: a shorter window would admit a surplus that queues at
    /// the gate — after the delivery was marked "sending" — and grows without bound while a tenant stays busy.
    /// The same window as the gate's does that at full speed, and leaves a post at the gate waiting no longer than
    /// the spread of the checkpoint's (and token's) latency. A longer one would only cost throughput.
    /// </summary>
    private static readonly TimeSpan AdmissionWindow = PostingWindow;

    private readonly PartitionedRateLimiter<ConnectorTarget> _limiter;
    private readonly PartitionedRateLimiter<ConnectorTarget> _posting;

    public ConnectorRateLimiter(TimeProvider clock)
    {
        _limiter = PartitionedRateLimiter.CreateChained(
            PerTenant(TenantPermits, AdmissionWindow, clock),
            PerConversation(7, TimeSpan.FromSeconds(1), 5),
            PerConversation(8, TimeSpan.FromSeconds(2), 4),
            PerConversation(60, TimeSpan.FromSeconds(30), 6),
            PerConversation(1800, TimeSpan.FromHours(1), 12));
        _posting = PerTenant(TenantPermits, PostingWindow, clock);
    }

    /// <summary>Waits for a permit; the lease says whether one was granted (false when the local queue overflows).</summary>
    public ValueTask<RateLimitLease> AcquireAsync(ConnectorTarget target, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(target, 1, cancellationToken);

    /// <summary>Takes a permit only if one is free now.</summary>
    public RateLimitLease AttemptAcquire(ConnectorTarget target) => _limiter.AttemptAcquire(target);

    /// <summary>
    /// The tenant's posting gate, taken by an admitted call right before its request leaves (once per request):
    /// waits until fewer than 50 of the tenant's posts left in the last window. Calls that admission spaced and whose
    /// checkpoints took alike pass at once. Its partitions are dropped when idle, as admission's are.
    /// </summary>
    public ValueTask<RateLimitLease> AcquirePostingSlotAsync(ConnectorTarget target, CancellationToken cancellationToken) =>
        _posting.AcquireAsync(target, 1, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _limiter.DisposeAsync();
        await _posting.DisposeAsync();
    }

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
