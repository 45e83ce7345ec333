using System.Threading.RateLimiting;
using MicroMove.Bot.Teams;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>"At most N in any window", counted on the clock: never more, and the full N per window when callers queue.</summary>
public sealed class SlidingLogRateLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void AfterTheLimit_AnAttemptIsRefused_WithTheWaitUntilTheOldestGrantIsAWindowOld()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(3, Second, 10, clock);

        var first = limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var second = limiter.AttemptAcquire();
        var third = limiter.AttemptAcquire();
        using var fourth = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired && second.IsAcquired && third.IsAcquired);
        Assert.False(fourth.IsAcquired);
        Assert.True(fourth.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(600), retryAfter);

        clock.Advance(TimeSpan.FromMilliseconds(600));
        using var later = limiter.AttemptAcquire();
        Assert.True(later.IsAcquired);
        using var oneMore = limiter.AttemptAcquire();
        Assert.False(oneMore.IsAcquired); // the two granted at 400 ms are still inside the window
    }

    [Fact]
    public void AskingWithZeroPermits_TakesNone()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(1, Second, 10, clock);

        using var asked = limiter.AttemptAcquire(0);
        using var taken = limiter.AttemptAcquire();
        using var askedAgain = limiter.AttemptAcquire(0);

        Assert.True(asked.IsAcquired);
        Assert.True(taken.IsAcquired);
        Assert.False(askedAgain.IsAcquired);
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(2));
    }

    [Fact]
    public async Task QueuedCallers_GetTheFullRate_AndNeverMoreThanTheLimitInAnyWindow()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(50, Second, 1_000, clock);
        var grantedAt = new List<TimeSpan>();
        var start = clock.GetTimestamp();
        var callers = Enumerable.Range(0, 150).Select(async _ =>
        {
            using var lease = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
            Assert.True(lease.IsAcquired);
            lock (grantedAt)
            {
                grantedAt.Add(clock.GetElapsedTime(start));
            }
        }).ToList();

        for (var step = 0; step < 30 && callers.Any(c => !c.IsCompleted); step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var times = grantedAt.Order().ToList();
        Assert.Equal(50, times.Count(t => t < Second));
        Assert.Equal(50, times.Count(t => t >= Second && t < 2 * Second));
        Assert.Equal(50, times.Count(t => t >= 2 * Second && t < 3 * Second));
        for (var i = 50; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 50] >= Second, $"grant {i} came less than a window after grant {i - 50}");
        }
    }

    [Fact]
    public async Task WaiterCancelled_DoesNotHoldUpThoseBehindIt()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(1, Second, 10, clock);
        using var first = limiter.AttemptAcquire();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var behind = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        clock.Advance(2 * Second);
        using var lease = await behind.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task FullQueue_RefusesAtOnce()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(1, Second, 1, clock);
        using var first = limiter.AttemptAcquire();
        var queued = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        var overflow = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        Assert.True(overflow.IsCompleted);
        using var refused = await overflow;
        Assert.False(refused.IsAcquired);
        clock.Advance(Second);
        using var served = await queued.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(served.IsAcquired);
    }
}
