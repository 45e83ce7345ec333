using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Waits before each Web API call: first out any pause a 429 imposed on that method for that
/// workspace (Retry-After, timed with the injected clock), then for a token of the partition's
/// bucket (<see cref="SlackRateLimits"/>). Other methods and other workspaces are unaffected.
/// </summary>
internal sealed class SlackRateGate(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(string Team, string Method), DateTimeOffset> _pausedUntil = new();

    private readonly PartitionedRateLimiter<SlackRateKey> _limiter = PartitionedRateLimiter.Create<SlackRateKey, SlackRateKey>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, SlackRateLimits.For));

    public async Task WaitAsync(string team, string method, string? channel, CancellationToken cancellationToken)
    {
        while (_pausedUntil.TryGetValue((team, method), out var until))
        {
            var remaining = until - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(remaining, time, cancellationToken);
        }

        await AcquireAsync(new SlackRateKey(team, method, null), method, cancellationToken);
        if (channel is not null && method == "chat.postMessage")
        {
            await AcquireAsync(new SlackRateKey(team, method, channel), method, cancellationToken);
        }
    }

    /// <summary>Slack said 429: hold every call of this method for this workspace until Retry-After has passed.</summary>
    public void Pause(string team, string method, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        _pausedUntil.AddOrUpdate((team, method), until, (_, current) => current > until ? current : until);
    }

    public void Dispose() => _limiter.Dispose();

    private async Task AcquireAsync(SlackRateKey key, string method, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(key, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new SlackApiException(method, "client_rate_limit_queue_full", SlackErrorKind.RateLimited, mayHaveTakenEffect: false);
        }
    }
}
