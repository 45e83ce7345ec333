using MicroMove.Bot.Teams;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The cache of validated bearer tokens on its own: its window, what it refuses to keep, its bound.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly BotConnectorIdentity Teams = BotConnectorIdentity.Accepted("https://smba.trafficmanager.net/amer/", ["msteams"], emulator: false);

    [Fact]
    public void AcceptedToken_IsFoundWithItsIdentity_UntilMaxAge()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(time);
        cache.Add("header.payload.signature", Teams, Now.AddHours(1));

        Assert.True(cache.TryGet("header.payload.signature", out var found));
        Assert.Same(Teams, found);
        Assert.False(cache.TryGet("header.payload.other", out _));

        time.Advance(ValidatedTokenCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet("header.payload.signature", out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("header.payload.signature", out _));
    }

    [Fact]
    public void TokenValidForLessThanMaxAge_IsForgottenWhenItsValidityEnds()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(time);
        cache.Add("short-lived", Teams, Now.AddSeconds(30));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet("short-lived", out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("short-lived", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void RejectedOrAlreadyExpiredTokens_AreNotKept()
    {
        var cache = new ValidatedTokenCache(new FakeTimeProvider(Now));

        cache.Add("rejected", BotConnectorIdentity.Rejected("token rejected"), Now.AddHours(1));
        cache.Add("expired", Teams, Now);

        Assert.False(cache.TryGet("rejected", out _));
        Assert.False(cache.TryGet("expired", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void ManyTokens_StayWithinTheBound()
    {
        var cache = new ValidatedTokenCache(new FakeTimeProvider(Now));

        for (var i = 0; i < ValidatedTokenCache.MaxEntries * 3; i++)
        {
            cache.Add($"token-{i}", Teams, Now.AddHours(1));
        }

        Assert.InRange(cache.Count, 1, ValidatedTokenCache.MaxEntries);
        Assert.True(cache.TryGet($"token-{(ValidatedTokenCache.MaxEntries * 3) - 1}", out _), "the latest token is kept");
    }
}
