using System.Threading.RateLimiting;

namespace MicroMove.Bot.Teams;

/// <summary>
/// At most <c>permits</c> grants in any <c>window</c>, measured on the clock: each grant takes the
/// earliest moment at which the grant <c>permits</c> places back is a whole window old, and waits
/// for it. This is how a "50 per second" limit is counted by whoever enforces it, and it keeps the
/// full rate: the library's sliding window advances one segment per timer tick and skips ticks that
/// fire a moment early, which measured 37–40 grants/s where 50 were allowed. Grants are reserved in
/// arrival order; a waiter that is cancelled keeps its place used (counting it can only be safe).
/// </summary>
internal sealed class SlidingLogRateLimiter(int permits, TimeSpan window, int queueLimit, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly long[] _grants = new long[permits];
    private readonly long _windowTicks = (long)(window.TotalSeconds * clock.TimestampFrequency);
    private int _next;
    private int _granted;
    private int _waiting;
    private long _lastGrant;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                // Idle once nothing waits and the window of the last grant has passed: the partition may then be dropped.
                return _waiting == 0 && (_granted == 0 || clock.GetElapsedTime(_lastGrant) >= window) ? clock.GetElapsedTime(_lastGrant) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckOne(permitCount);
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var at = EarliestGrant(now);
            if (at > now)
            {
                return Refused(TimeSpan.FromSeconds((double)(at - now) / clock.TimestampFrequency));
            }

            // A count of 0 only asks whether a permit is free now.
            if (permitCount == 1)
            {
                Grant(now);
            }

            return Granted;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckOne(permitCount);
        if (permitCount == 0)
        {
            return AttemptAcquireCore(0);
        }

        long wait;
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var at = Math.Max(now, EarliestGrant(now));
            if (at > now && _waiting >= queueLimit)
            {
                return Refused(TimeSpan.FromSeconds((double)(at - now) / clock.TimestampFrequency));
            }

            Grant(at);
            wait = at - now;
            if (wait > 0)
            {
                _waiting++;
            }
        }

        if (wait <= 0)
        {
            return Granted;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / clock.TimestampFrequency), clock, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _waiting--;
            }
        }

        return Granted;
    }

    /// <summary>Every request is one call: a permit at a time (0 to ask).</summary>
    private static void CheckOne(int permitCount) => ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);

    /// <summary>When the next grant may happen: now while fewer than <c>permits</c> were granted, else a window after the one it replaces.</summary>
    private long EarliestGrant(long now) => _granted < _grants.Length ? now : _grants[_next] + _windowTicks;

    private void Grant(long at)
    {
        _grants[_next] = at;
        _next = (_next + 1) % _grants.Length;
        _granted = Math.Min(_granted + 1, _grants.Length);
        _lastGrant = Math.Max(_lastGrant, at);
    }

    private static readonly RateLimitLease Granted = new Lease(true, null);

    private static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
