using MicroMove.Bot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The gate's bounded waits: a caller with a deadline is refused (RetryAfter) instead of queueing past it.</summary>
public sealed class SlackRateGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyBucket_WithNoBudgetLeft_IsRefusedAsRateLimitedWithTheBucketsEstimate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        using var gate = new SlackRateGate(time);
        var now = time.GetUtcNow();

        // chat.postMessage allows a burst of 3 per channel.
        for (var i = 0; i < 3; i++)
        {
            await gate.WaitAsync("T1", "chat.postMessage", "D1", now, Cancel);
        }

        var refused = await Assert.ThrowsAsync<SlackApiException>(() => gate.WaitAsync("T1", "chat.postMessage", "D1", now, Cancel));

        Assert.Equal(SlackErrorKind.RateLimited, refused.Kind);
        Assert.False(refused.MayHaveTakenEffect);
        Assert.NotNull(refused.RetryAfter);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);

        // Another channel of the same workspace is unaffected.
        await gate.WaitAsync("T1", "chat.postMessage", "D2", now, Cancel);
    }

    [Fact]
    public async Task PauseBeyondTheDeadline_IsRefusedWithTheRemainingPause_ButWaitedOutWhenItFits()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        using var gate = new SlackRateGate(time);
        gate.Pause("T1", "chat.update", TimeSpan.FromSeconds(40));

        var refused = await Assert.ThrowsAsync<SlackApiException>(() =>
            gate.WaitAsync("T1", "chat.update", null, time.GetUtcNow() + TimeSpan.FromSeconds(30), Cancel));
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);

        var waiting = gate.WaitAsync("T1", "chat.update", null, time.GetUtcNow() + TimeSpan.FromSeconds(60), Cancel);
        await Task.Delay(50, Cancel);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(40));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }
}
