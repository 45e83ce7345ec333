using System.Net;
using MicroMove.Bot.Slack;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>OAuth v2 install through the real pipeline, with oauth.v2.access answered by a fake Slack.</summary>
public sealed class SlackOAuthTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_RedirectsToSlackWithClientIdScopesAndAStateCookie()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        var (app, _) = await StartAsync(fake);
        await using var _app = app;

        var response = await Client(app).GetAsync(new Uri("/slack/install", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location ?? throw new InvalidOperationException("no Location");
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(SlackClientHarness.ClientId, query["client_id"].ToString());
        Assert.Equal(SlackOAuthEndpoints.BotScopes, query["scope"].ToString());
        Assert.Contains("chat:write", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.True(query["state"].ToString().Length >= 40);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SlackOAuthState.CookieName + "=" + query["state"], cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Callback_WithTheRightState_StoresTheSealedBotTokenAndGreetsTheInstaller()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.Respond = _ => FakeSlackResponse.Fixture("oauth_v2_access.json");
        var (app, handler) = await StartAsync(fake);
        await using var _app = app;
        var (state, cookie) = await BeginInstallAsync(app);

        var response = await CallbackAsync(app, $"code=c0de&state={state}", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Installed", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("/api/oauth.v2.access", request.Path);
        Assert.Equal("code=c0de", request.Body);
        Assert.StartsWith("Basic ", request.Authorization, StringComparison.Ordinal);
        var installation = Assert.Single(await handler.WaitForAsync<SlackInstallation>());
        Assert.Equal(new SlackInstallation("T9TK3CUKW", "Slack Softball Team", "E12345678", "U1234", "U0KRQLJ9H", "A0KRD7HC3", "commands,incoming-webhook"), installation);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var row = await db.Workspaces.SingleAsync(w => w.Platform == ChatPlatform.Slack && w.ExternalId == "T9TK3CUKW", Cancel);
        Assert.True(row.Active);
        Assert.Equal("Slack Softball Team", row.Name);
        var sealedToken = row.EncryptedCredentials ?? throw new InvalidOperationException("no credentials");
        Assert.DoesNotContain("xoxb", System.Text.Encoding.UTF8.GetString(sealedToken), StringComparison.Ordinal);
        Assert.Equal(
            "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
            scope.ServiceProvider.GetRequiredService<CredentialProtector>().Unprotect(sealedToken, "slack:T9TK3CUKW"));
        var token = await scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>().GetBotTokenAsync("T9TK3CUKW", cancellationToken: Cancel);
        Assert.Equal("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", token?.Token);
    }

    [Fact]
    public async Task Callback_ReinstallAfterUninstall_ReactivatesTheSameRow()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.Respond = _ => FakeSlackResponse.Fixture("oauth_v2_access.json");
        var (app, _) = await StartAsync(fake);
        await using var _app = app;
        var (state, cookie) = await BeginInstallAsync(app);
        await CallbackAsync(app, $"code=c0de&state={state}", cookie);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>().DeactivateAsync("T9TK3CUKW", "app_uninstalled", Cancel);
        }

        (state, cookie) = await BeginInstallAsync(app);
        var response = await CallbackAsync(app, $"code=again&state={state}", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var check = app.Services.CreateScope();
        var row = await check.ServiceProvider.GetRequiredService<MicroMoveDbContext>().Workspaces.SingleAsync(w => w.ExternalId == "T9TK3CUKW", Cancel);
        Assert.True(row.Active);
        Assert.Null(row.DeactivatedAt);
        Assert.NotNull(row.EncryptedCredentials);
    }

    [Theory]
    [InlineData("code=c0de&state=forged", true)]
    [InlineData("code=c0de&state=", true)]
    [InlineData("code=c0de", true)]
    [InlineData("code=c0de&state={state}", false)]
    [InlineData("error=access_denied&state={state}", true)]
    [InlineData("state={state}", true)]
    public async Task Callback_BadStateDeniedOrNoCode_Is400WithAFriendlyPageAndStoresNothing(string query, bool sendCookie)
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.Respond = _ => FakeSlackResponse.Fixture("oauth_v2_access.json");
        var (app, handler) = await StartAsync(fake);
        await using var _app = app;
        var (state, cookie) = await BeginInstallAsync(app);

        var response = await CallbackAsync(app, query.Replace("{state}", state, StringComparison.Ordinal), sendCookie ? cookie : null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
        Assert.Empty(handler.Received);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>().Workspaces.CountAsync(Cancel));
    }

    [Fact]
    public async Task Callback_SlackRefusesTheCode_Is400AndStoresNothing()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.Respond = _ => FakeSlackResponse.Fixture("oauth_v2_access_error.json");
        var (app, _) = await StartAsync(fake);
        await using var _app = app;
        var (state, cookie) = await BeginInstallAsync(app);

        var response = await CallbackAsync(app, $"code=c0de&state={state}", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_client_id", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>().Workspaces.CountAsync(Cancel));
    }

    [Fact]
    public void State_ExpiresAfterTenMinutesAndIsBoundToTheSecret()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var (state, cookie) = SlackOAuthState.Create("secret", now);

        Assert.True(SlackOAuthState.IsValid("secret", cookie, state, now.AddMinutes(9)));
        Assert.False(SlackOAuthState.IsValid("secret", cookie, state, now.AddMinutes(10)));
        Assert.False(SlackOAuthState.IsValid("other-secret", cookie, state, now));
        Assert.False(SlackOAuthState.IsValid("secret", cookie, state + "x", now));
        Assert.False(SlackOAuthState.IsValid("secret", cookie.Replace(".", ".9", StringComparison.Ordinal), state, now));
    }

    private static Task<(MicroMoveApp App, RecordingSlackHandler Handler)> StartAsync(FakeSlackApi fake, PostgresServer server) =>
        SlackTestApps.StartAsync(server, new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = SlackClientHarness.ClientId,
            ["Slack:ClientSecret"] = SlackClientHarness.ClientSecret,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.ToString(),
        });

    private Task<(MicroMoveApp App, RecordingSlackHandler Handler)> StartAsync(FakeSlackApi fake) => StartAsync(fake, server);

    private static HttpClient Client(MicroMoveApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<(string State, string Cookie)> BeginInstallAsync(MicroMoveApp app)
    {
        var response = await Client(app).GetAsync(new Uri("/slack/install", UriKind.Relative), Cancel);
        var state = QueryHelpers.ParseQuery(response.Headers.Location?.Query)["state"].ToString();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (state, cookie);
    }

    private static async Task<HttpResponseMessage> CallbackAsync(MicroMoveApp app, string query, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/slack/oauth/callback?" + query, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await Client(app).SendAsync(request, Cancel);
    }
}
