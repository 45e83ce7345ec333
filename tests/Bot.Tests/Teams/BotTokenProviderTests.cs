using MicroMove.Bot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The bot's client-credentials token: cached on our clock, one fetch for concurrent callers.</summary>
public sealed class BotTokenProviderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_IsCachedUntilFiveMinutesBeforeExpiry()
    {
        await using var fake = await FakeBotFramework.StartAsync();
        var time = new FakeTimeProvider(TeamsTestBed.Now);
        using var services = HttpServices();
        using var provider = Provider(fake, time, services);

        Assert.Equal("bot-token-1", await provider.GetTokenAsync(Cancel));
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("bot-token-1", await provider.GetTokenAsync(Cancel));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("bot-token-2", await provider.GetTokenAsync(Cancel));

        Assert.Equal(2, fake.TokenRequests);
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneFetch()
    {
        await using var fake = await FakeBotFramework.StartAsync();
        fake.TokenDelay = TimeSpan.FromMilliseconds(300);
        using var services = HttpServices();
        using var provider = Provider(fake, new FakeTimeProvider(TeamsTestBed.Now), services);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(Cancel)));

        Assert.All(tokens, token => Assert.Equal("bot-token-1", token));
        Assert.Equal(1, fake.TokenRequests);
    }

    [Fact]
    public async Task TokenEndpointDown_IsATypedFailure()
    {
        var fake = await FakeBotFramework.StartAsync();
        var endpoint = fake.TokenEndpoint;
        await fake.DisposeAsync();
        using var services = HttpServices();
        using var provider = new BotTokenProvider(
            services.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new TeamsOptions { AppId = TeamsTestBed.AppId, AppPassword = "s", TokenEndpoint = endpoint }),
            new FakeTimeProvider(TeamsTestBed.Now),
            NullLogger<BotTokenProvider>.Instance);

        await Assert.ThrowsAsync<BotTokenException>(() => provider.GetTokenAsync(Cancel));
    }

    [Theory]
    [InlineData(null, null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("0b2a6b0e-5f7c-4c36-9d1e-1f2a3b4c5d6e", null, "https://login.microsoftonline.com/0b2a6b0e-5f7c-4c36-9d1e-1f2a3b4c5d6e/oauth2/v2.0/token")]
    [InlineData("0b2a6b0e-5f7c-4c36-9d1e-1f2a3b4c5d6e", "http://127.0.0.1:9/token", "http://127.0.0.1:9/token")]
    public void TokenEndpoint_FollowsTheTenantMode(string? tenantId, string? overridden, string expected) =>
        Assert.Equal(new Uri(expected), new TeamsOptions { TenantId = tenantId, TokenEndpoint = overridden }.ResolvedTokenEndpoint);

    [Theory]
    [InlineData("not-a-guid", "secret", "https://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData(TeamsTestBed.AppId, null, "https://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData(TeamsTestBed.AppId, "secret", "http://keys.example.com/openid", false)]
    [InlineData(TeamsTestBed.AppId, "secret", "http://127.0.0.1:5000/openid", true)]
    [InlineData(TeamsTestBed.AppId, "secret", "https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData(null, null, "", true)]
    public void Options_AreValidated(string? appId, string? password, string metadataUrl, bool valid)
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { AppId = appId, AppPassword = password, OpenIdMetadataUrl = metadataUrl });

        Assert.Equal(valid, result.Succeeded);
    }

    private static ServiceProvider HttpServices() => new ServiceCollection().AddHttpClient().BuildServiceProvider();

    private static BotTokenProvider Provider(FakeBotFramework fake, TimeProvider time, ServiceProvider services) =>
        new(
            services.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new TeamsOptions { AppId = TeamsTestBed.AppId, AppPassword = "test-secret", TokenEndpoint = fake.TokenEndpoint }),
            time,
            NullLogger<BotTokenProvider>.Instance);
}
