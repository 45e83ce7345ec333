using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Slack;
using MicroMove.Tests.Support;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The Web API client against a fake Slack on loopback that checks method, token and body of every call.</summary>
public sealed class SlackWebApiClientTests
{
    private static readonly SlackBotToken Token = new("T0001", "xoxb-test-token");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostMessage_Ok_SendsJsonWithTheBearerTokenAndReturnsChannelAndTs()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Then(FakeSlackResponse.Fixture("chat_postMessage_ok.json"));
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Neck release*" } });

        var posted = await harness.Client.PostMessageAsync(Token, "U012AB3CD", "Time for a neck release", blocks, cancellationToken: Cancel);

        Assert.Equal(new SlackPostedMessage("C123ABC456", "1503435956.000247"), posted);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/chat.postMessage", request.Path);
        Assert.Equal("Bearer xoxb-test-token", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = JsonNode.Parse(request.Body)?.AsObject() ?? [];
        Assert.Equal("U012AB3CD", body["channel"]?.GetValue<string>());
        Assert.Equal("Time for a neck release", body["text"]?.GetValue<string>());
        Assert.Equal("*Neck release*", body["blocks"]?[0]?["text"]?["text"]?.GetValue<string>());
        Assert.False(body.ContainsKey("thread_ts"));
        Assert.False(body.ContainsKey("token"));
    }

    [Fact]
    public async Task UpdateAndEphemeral_SendTheirFields()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Then(FakeSlackResponse.Fixture("chat_update_ok.json"), FakeSlackResponse.Fixture("chat_postEphemeral_ok.json"));

        await harness.Client.UpdateMessageAsync(Token, "D0442US94JD", "1664408649.009629", "Done ✓", [], Cancel);
        var ephemeralTs = await harness.Client.PostEphemeralAsync(Token, "C1", "U1", "Only you see this", cancellationToken: Cancel);

        var requests = harness.Api.Requests.ToArray();
        Assert.Equal("/api/chat.update", requests[0].Path);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"channel":"D0442US94JD","ts":"1664408649.009629","text":"Done ✓","blocks":[]}"""), JsonNode.Parse(requests[0].Body)));
        Assert.Equal("/api/chat.postEphemeral", requests[1].Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"channel":"C1","user":"U1","text":"Only you see this"}"""), JsonNode.Parse(requests[1].Body)));
        Assert.False(string.IsNullOrEmpty(ephemeralTs));
    }

    [Theory]
    [InlineData("channel_not_found", nameof(SlackErrorKind.Recipient))]
    [InlineData("not_in_channel", nameof(SlackErrorKind.Recipient))]
    [InlineData("is_archived", nameof(SlackErrorKind.Recipient))]
    [InlineData("user_not_found", nameof(SlackErrorKind.Recipient))]
    [InlineData("cannot_dm_bot", nameof(SlackErrorKind.Recipient))]
    [InlineData("invalid_auth", nameof(SlackErrorKind.WorkspaceAccessLost))]
    [InlineData("account_inactive", nameof(SlackErrorKind.WorkspaceAccessLost))]
    [InlineData("token_revoked", nameof(SlackErrorKind.WorkspaceAccessLost))]
    [InlineData("missing_scope", nameof(SlackErrorKind.Configuration))]
    [InlineData("rate_limited", nameof(SlackErrorKind.RateLimited))]
    [InlineData("too_many_attachments", nameof(SlackErrorKind.Other))]
    public async Task OkFalse_IsMappedToAKindWithTheErrorCode(string error, string kind)
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Then(FakeSlackResponse.Json($$"""{"ok":false,"error":"{{error}}"}"""));

        var failure = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel));

        Assert.Equal(error, failure.Error);
        Assert.Equal(kind, failure.Kind.ToString());
        Assert.Equal("chat.postMessage", failure.Method);
        Assert.False(failure.MayHaveTakenEffect);
        Assert.Single(harness.Api.Requests);
        Assert.DoesNotContain("xoxb", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat_postMessage_error.json", "too_many_attachments")]
    [InlineData("conversations_open_error.json", null)]
    [InlineData("users_info_error.json", "user_not_found")]
    [InlineData("views_publish_invalid_arguments.json", "invalid_arguments")]
    public async Task DocumentedErrorAnswers_SurfaceTheirCode(string fixture, string? expected)
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Fixture(fixture);
        var code = JsonDocument.Parse(SlackFixtures.Text(fixture)).RootElement.GetProperty("error").GetString();

        var failure = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel));

        Assert.Equal(expected ?? code, failure.Error);
    }

    [Fact]
    public async Task Http429_WaitsRetryAfterOnTheInjectedClockThenSucceeds()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Then(FakeSlackResponse.RateLimited(retryAfterSeconds: 2), FakeSlackResponse.Fixture("chat_postMessage_ok.json"));

        var call = harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel);
        await harness.WaitForRequestsAsync(1);
        await Task.Delay(200, Cancel);
        Assert.Single(harness.Api.Requests);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(200, Cancel);
        Assert.Single(harness.Api.Requests);
        Assert.False(call.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var posted = await call.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal("1503435956.000247", posted.Ts);
        Assert.Equal(2, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task Http429_TooOften_GivesUpAsRateLimited()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.RateLimited(retryAfterSeconds: 1);

        var failure = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.AdvanceUntilDoneAsync(harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel)));

        Assert.Equal(SlackErrorKind.RateLimited, failure.Kind);
        Assert.Equal(SlackWebApiClient.MaxAttempts, harness.Api.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task PostMessage_ServerError_IsNeverSentAgain(int status)
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Json("{\"ok\":false,\"error\":\"internal_error\"}", status);

        var failure = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.AdvanceUntilDoneAsync(harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel)));
        await Task.Delay(200, Cancel);

        Assert.Single(harness.Api.Requests);
        Assert.Equal(SlackErrorKind.Transient, failure.Kind);
        Assert.True(failure.MayHaveTakenEffect);
        Assert.Equal(status, failure.HttpStatus);
    }

    [Fact]
    public async Task UsersInfo_ServerError_IsRetriedBecauseItIsARead_AndTheAnswerIsCached()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Then(FakeSlackResponse.Json("oops", 500), FakeSlackResponse.Fixture("users_info.json"));

        var user = await harness.AdvanceUntilDoneAsync(harness.Client.GetUserAsync(Token, "W012A3CDE", Cancel));
        var again = await harness.Client.GetUserAsync(Token, "W012A3CDE", Cancel);

        Assert.Equal("America/Los_Angeles", user.TimeZone);
        Assert.Equal("Pacific Daylight Time", user.TimeZoneLabel);
        Assert.Equal(-25200, user.TimeZoneOffsetSeconds);
        Assert.Same(user, again);
        var requests = harness.Api.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, request => Assert.Equal("/api/users.info", request.Path));
        Assert.Equal("user=W012A3CDE", requests[1].Body);
        Assert.Equal("application/x-www-form-urlencoded", requests[1].ContentType);
        Assert.Equal("Bearer xoxb-test-token", requests[1].Authorization);
    }

    [Fact]
    public async Task UsersInfo_CacheExpiresOnTheInjectedClock()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Fixture("users_info.json");

        await harness.Client.GetUserAsync(Token, "W012A3CDE", Cancel);
        harness.Time.Advance(SlackWebApiClient.UserCacheTime + TimeSpan.FromSeconds(1));
        await harness.Client.GetUserAsync(Token, "W012A3CDE", Cancel);

        Assert.Equal(2, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task ConversationsOpen_IsCachedPerWorkspaceAndUser()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Fixture("conversations_open_ok.json");

        var first = await harness.Client.OpenDirectMessageAsync(Token, "U1", Cancel);
        var second = await harness.Client.OpenDirectMessageAsync(Token, "U1", Cancel);
        await harness.Client.OpenDirectMessageAsync(Token, "U2", Cancel);
        await harness.Client.OpenDirectMessageAsync(new SlackBotToken("T0002", "xoxb-other"), "U1", Cancel);

        Assert.Equal("D069C7QFK", first);
        Assert.Equal(first, second);
        var requests = harness.Api.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal("/api/conversations.open", requests[0].Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"users":"U1"}"""), JsonNode.Parse(requests[0].Body)));
        Assert.Equal("Bearer xoxb-other", requests[2].Authorization);
    }

    [Fact]
    public async Task ViewsPublishAndOpen_SendTheViewAndReturnIdAndHash()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Fixture("views_publish_ok.json");
        var view = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() };

        var published = await harness.Client.PublishHomeViewAsync(Token, "U1", view, "156772938.1827394", Cancel);
        await harness.Client.OpenViewAsync(Token, "123.456.abc", new JsonObject { ["type"] = "modal" }, Cancel);

        Assert.Equal(new SlackViewInfo("VMHU10V25", "156772938.1827394"), published);
        var requests = harness.Api.Requests.ToArray();
        Assert.Equal("/api/views.publish", requests[0].Path);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"user_id":"U1","view":{"type":"home","blocks":[]},"hash":"156772938.1827394"}"""), JsonNode.Parse(requests[0].Body)));
        Assert.Equal("/api/views.open", requests[1].Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"trigger_id":"123.456.abc","view":{"type":"modal"}}"""), JsonNode.Parse(requests[1].Body)));
    }

    [Fact]
    public async Task AuthTest_ReturnsTheTokensIdentity()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Json("""{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"micromove","team_id":"T777","user_id":"U0BOT","bot_id":"B0BOT"}""");

        var identity = await harness.Client.AuthTestAsync("xoxb-raw", Cancel);

        Assert.Equal(new SlackAuthIdentity("T777", "Acme", "U0BOT", "B0BOT", null, "https://acme.slack.com/"), identity);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("/api/auth.test", request.Path);
        Assert.Equal("Bearer xoxb-raw", request.Authorization);
    }

    [Fact]
    public async Task OAuthAccess_SendsTheCodeAsAFormWithClientCredentialsInBasicAuth()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Fixture("oauth_v2_access.json");

        var access = await harness.Client.ExchangeOAuthCodeAsync("c0de", "https://bot.example/slack/oauth/callback", Cancel);

        Assert.Equal("T9TK3CUKW", access.WorkspaceId);
        Assert.Equal("Slack Softball Team", access.TeamName);
        Assert.Equal("U1234", access.InstallerUserId);
        Assert.Equal("U0KRQLJ9H", access.BotUserId);
        Assert.Equal("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", access.AccessToken);
        Assert.DoesNotContain("xoxb", access.ToString(), StringComparison.Ordinal);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("/api/oauth.v2.access", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SlackClientHarness.ClientId}:{SlackClientHarness.ClientSecret}")), request.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("code=c0de&redirect_uri=https%3A%2F%2Fbot.example%2Fslack%2Foauth%2Fcallback", request.Body);
    }

    [Fact]
    public async Task OAuthAccess_Error_IsAConfigurationProblem()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Fixture("oauth_v2_access_error.json");

        var failure = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.ExchangeOAuthCodeAsync("c0de", null, Cancel));

        Assert.Equal("invalid_client_id", failure.Error);
        Assert.Equal(SlackErrorKind.Configuration, failure.Kind);
    }

    [Fact]
    public async Task ResponseUrl_AllowedHost_GetsTheMessageAsJsonWithoutAToken()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Json("ok");
        var url = new Uri(harness.Api.BaseUrl, "actions/T1/123/abc");

        await harness.Client.PostToResponseUrlAsync(url, new SlackResponseUrlMessage { ReplaceOriginal = true, Text = "Done ✓" }, Cancel);

        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("/actions/T1/123/abc", request.Path);
        Assert.Equal(string.Empty, request.Authorization);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"text":"Done ✓","replace_original":true}"""), JsonNode.Parse(request.Body)));
    }

    [Fact]
    public async Task ResponseUrls_OfManyCommands_AreNotPacedBehindOneAnother()
    {
        // Every command's response_url is on hooks.slack.com; pacing them per host at a Web API
        // tier would answer a busy bot's commands seconds late. A shared bucket (20 at once, then one
        // per 600 ms) would need half a minute for these 80.
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Respond = _ => FakeSlackResponse.Json("ok");
        var calls = Enumerable.Range(0, 80).Select(n => harness.Client.PostToResponseUrlAsync(
            new Uri(harness.Api.BaseUrl, $"commands/T1/{n}/hook"), new SlackResponseUrlMessage { Text = "Sent to your DM" }, Cancel));

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(20), Cancel);

        Assert.Equal(80, harness.Api.Requests.Count);
    }

    [Theory]
    [InlineData("https://evil.example/actions/T1/1/x")]
    [InlineData("http://hooks.slack.com/actions/T1/1/x")]
    [InlineData("https://hooks.slack.com.evil.example/actions/T1/1/x")]
    public async Task ResponseUrl_OtherHostsOrPlainHttp_AreNeverCalled(string url)
    {
        await using var harness = await SlackClientHarness.StartAsync();

        var failure = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.Client.PostToResponseUrlAsync(new Uri(url), new SlackResponseUrlMessage { Text = "x" }, Cancel));

        Assert.Equal(SlackErrorKind.Configuration, failure.Kind);
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public async Task ConnectionRefused_NothingWasSent_SoItIsRetriedAndReportedAsNotTakenEffect()
    {
        var closedPort = PostgresServer.FreeLoopbackPort();
        await using var harness = await SlackClientHarness.StartAsync(apiBaseUrl: new Uri($"http://127.0.0.1:{closedPort}/api/"));

        var failure = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.AdvanceUntilDoneAsync(harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel)));

        Assert.Equal("network_error", failure.Error);
        Assert.Equal(SlackErrorKind.Transient, failure.Kind);
        Assert.False(failure.MayHaveTakenEffect);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task Logs_NeverContainTokensOrClientSecrets()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Api.Then(
            FakeSlackResponse.Json("{\"ok\":false,\"error\":\"invalid_auth\"}"),
            FakeSlackResponse.Json("boom", 500),
            FakeSlackResponse.RateLimited(1),
            FakeSlackResponse.Fixture("users_info.json"),
            FakeSlackResponse.Fixture("oauth_v2_access.json"));

        await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel));
        await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.PostMessageAsync(Token, "C1", "hi", cancellationToken: Cancel));
        await harness.AdvanceUntilDoneAsync(harness.Client.GetUserAsync(Token, "W012A3CDE", Cancel));
        await harness.Client.ExchangeOAuthCodeAsync("c0de", null, Cancel);

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.All(harness.Logs.Lines, line =>
        {
            Assert.DoesNotContain("xoxb", line, StringComparison.Ordinal);
            Assert.DoesNotContain(SlackClientHarness.ClientSecret, line, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Basic ", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void BotToken_NeverShowsTheTokenWhenPrinted() =>
        Assert.DoesNotContain("xoxb-test-token", Token.ToString(), StringComparison.Ordinal);
}
