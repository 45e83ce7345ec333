using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Waits before each Web API call: first out any pause a 429 imposed on that method for that
/// workspace (Retry-After, timed with the injected clock), then for a token of the partition's
/// bucket (<see cref="SlackRateLimits"/>). Other methods and other workspaces are unaffected.
/// With a deadline the wait is bounded: when the pause or the bucket would keep the caller past
/// it, the call is refused at once as <see cref="SlackErrorKind.RateLimited"/> with the expected
/// wait as <see cref="SlackApiException.RetryAfter"/> (nothing was sent), so a delivery worker can
/// put the delivery back instead of holding it beyond its lease.
/// </summary>
internal sealed class SlackRateGate(TimeProvider time) : IDisposable
{
    /// <summary>The pseudo-method under which response_url calls are made.</summary>
    public const string ResponseUrl = "response_url";

    private readonly ConcurrentDictionary<(string Team, string Method), DateTimeOffset> _pausedUntil = new();

    private readonly PartitionedRateLimiter<SlackRateKey> _limiter = PartitionedRateLimiter.Create<SlackRateKey, SlackRateKey>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, SlackRateLimits.For));

    public Task WaitAsync(string team, string method, string? channel, CancellationToken cancellationToken) =>
        WaitAsync(team, method, channel, null, cancellationToken);

    /// <summary>Waits for permission to call; with a <paramref name="deadline"/>, throws RateLimited instead of waiting past it.</summary>
    public async Task WaitAsync(string team, string method, string? channel, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        while (_pausedUntil.TryGetValue((team, method), out var until))
        {
            var remaining = until - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            if (deadline is { } limit && until > limit)
            {
                throw Refused(method, remaining);
            }

            await Task.Delay(remaining, time, cancellationToken);
        }

        if (method == ResponseUrl)
        {
            // A response_url belongs to one command and Slack limits it by uses (five in 30 minutes),
            // which the handlers stay within; a shared bucket here would pace every command of every
            // workspace behind one another (they all go to hooks.slack.com).
            return;
        }

        await AcquireAsync(new SlackRateKey(team, method, null), method, deadline, cancellationToken);
        if (channel is not null && method == "chat.postMessage")
        {
            await AcquireAsync(new SlackRateKey(team, method, channel), method, deadline, cancellationToken);
        }
    }

    /// <summary>Slack said 429: hold every call of this method for this workspace until Retry-After has passed.</summary>
    public void Pause(string team, string method, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        _pausedUntil.AddOrUpdate((team, method), until, (_, current) => current > until ? current : until);
    }

    public void Dispose() => _limiter.Dispose();

    private static SlackApiException Refused(string method, TimeSpan retryAfter) =>
        new(method, "client_rate_limit_wait_exceeded", SlackErrorKind.RateLimited, mayHaveTakenEffect: false, retryAfter: retryAfter);

    private async Task AcquireAsync(SlackRateKey key, string method, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (deadline is not { } limit)
        {
            using var lease = await _limiter.AcquireAsync(key, 1, cancellationToken);
            if (!lease.IsAcquired)
            {
                throw new SlackApiException(method, "client_rate_limit_queue_full", SlackErrorKind.RateLimited, mayHaveTakenEffect: false);
            }

            return;
        }

        // Bounded: take a token now if one is free; otherwise queue only when the bucket's own
        // estimate fits in what is left of the budget, and give up when the budget runs out.
        TimeSpan? estimate;
        using (var immediate = _limiter.AttemptAcquire(key, 1))
        {
            if (immediate.IsAcquired)
            {
                return;
            }

            estimate = immediate.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        }

        var budget = limit - time.GetUtcNow();
        var expected = estimate ?? SlackWebApiClient.DefaultRetryAfter;
        if (budget <= TimeSpan.Zero || expected > budget)
        {
            throw Refused(method, expected);
        }

        using var timeout = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var lease = await _limiter.AcquireAsync(key, 1, linked.Token);
            if (!lease.IsAcquired)
            {
                throw new SlackApiException(method, "client_rate_limit_queue_full", SlackErrorKind.RateLimited, mayHaveTakenEffect: false, retryAfter: expected);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Refused(method, expected);
        }
    }
}
