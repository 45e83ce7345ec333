using MicroMove.Bot.Teams;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>Client-side limits follow Teams': 7 per second per conversation, 50 per second per tenant.</summary>
public sealed class ConnectorRateLimiterTests
{
    [Fact]
    public async Task EighthSendToOneConversationWithinASecond_MustWait_OtherConversationsNeedNot()
    {
        await using var limiter = new ConnectorRateLimiter(TimeProvider.System);
        var conversation = new ConnectorTarget("tenant-a", "a:one");

        var granted = Enumerable.Range(0, 7).Select(_ => limiter.AttemptAcquire(conversation)).ToList();
        using var eighth = limiter.AttemptAcquire(conversation);
        using var elsewhere = limiter.AttemptAcquire(conversation with { ConversationId = "a:two" });

        Assert.All(granted, lease => Assert.True(lease.IsAcquired));
        Assert.False(eighth.IsAcquired);
        Assert.True(elsewhere.IsAcquired);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task FiftyFirstCallForOneTenantWithinASecond_MustWait_OtherTenantsNeedNot()
    {
        await using var limiter = new ConnectorRateLimiter(TimeProvider.System);

        var granted = Enumerable.Range(0, 50).Select(i => limiter.AttemptAcquire(new ConnectorTarget("tenant-a", $"a:{i}"))).ToList();
        using var fiftyFirst = limiter.AttemptAcquire(new ConnectorTarget("tenant-a", "a:another"));
        using var otherTenant = limiter.AttemptAcquire(new ConnectorTarget("tenant-b", "a:another"));

        Assert.All(granted, lease => Assert.True(lease.IsAcquired));
        Assert.False(fiftyFirst.IsAcquired);
        Assert.True(otherTenant.IsAcquired);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task AcquireAsync_WaitsForThePermitInsteadOfFailing()
    {
        await using var limiter = new ConnectorRateLimiter(TimeProvider.System);
        var conversation = new ConnectorTarget("tenant-a", "a:one");
        var granted = Enumerable.Range(0, 7).Select(_ => limiter.AttemptAcquire(conversation)).ToList();

        using var waited = await limiter.AcquireAsync(conversation, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.True(waited.IsAcquired);
        granted.ForEach(lease => lease.Dispose());
    }
}
