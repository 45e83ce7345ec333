using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using MicroMove.Bot.Slack;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The inbound endpoints through the real pipeline, on a real PostgreSQL, with correctly signed requests.</summary>
public sealed class SlackEndpointTests(PostgresServer server)
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UrlVerification_Signed_EchoesTheChallenge()
    {
        var (app, _) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", SlackFixtures.Text("url_verification.json")), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task SlashCommand_IsAckedWithinThreeSecondsAndHandedOnAfterwards()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        var client = app.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);

        var stopwatch = Stopwatch.StartNew();
        var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", SlackFixtures.Text("slash_command_enterprise.txt")), Cancel);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"ack took {stopwatch.Elapsed}");
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
        var command = Assert.Single(await handler.WaitForAsync<SlackCommand>());
        Assert.Equal("/hello-world", command.Command);
        Assert.Equal("Hi", command.Text);
        Assert.Equal("W111", command.UserId);
        Assert.Equal("E111", command.EnterpriseId);
    }

    [Fact]
    public async Task Event_RetriedWithTheSameEventId_IsRecordedOnceAndHandedOnOnce()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        var client = app.CreateClient();
        var body = SlackFixtures.Text("event_callback_message_im.json");

        var first = await client.SendAsync(SlackRequestSigner.Json("/slack/events", body), Cancel);
        await handler.WaitForAsync<SlackDirectMessageEvent>();
        var retry = await client.SendAsync(SlackRequestSigner.Json("/slack/events", body, retryNum: 1), Cancel);
        var secondRetry = await client.SendAsync(SlackRequestSigner.Json("/slack/events", body, retryNum: 2), Cancel);
        await Task.Delay(300, Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondRetry.StatusCode);
        var message = Assert.Single(handler.Received.OfType<SlackDirectMessageEvent>());
        Assert.Equal("test", message.Text);
        Assert.Null(message.Context.RetryNum);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var recorded = await db.ProcessedInboundEvents.Where(e => e.EventId == "Ev044C51K43V").ToListAsync(Cancel);
        Assert.Equal(ChatPlatform.Slack, Assert.Single(recorded).Platform);
    }

    [Fact]
    public async Task Event_RetryWhoseFirstDeliveryNeverArrived_IsHandedOn()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(
            SlackRequestSigner.Json("/slack/events", SlackFixtures.Text("event_callback_app_home_opened.json"), retryNum: 3), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = Assert.Single(await handler.WaitForAsync<SlackAppHomeOpenedEvent>());
        Assert.Equal(3, opened.Context.RetryNum);
    }

    [Theory]
    [InlineData("/slack/interactions")]
    [InlineData("/slack/interactivity")]
    public async Task BlockActions_AreParsedAndHandedOn(string path)
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Form(path, SlackFixtures.Text("block_actions_form.txt")), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actions = Assert.Single(await handler.WaitForAsync<SlackBlockActions>());
        Assert.Equal("recWTcxEQVKjwpIIf", Assert.Single(actions.Actions).Value);
        Assert.Equal("1572428564.002300", actions.Container.MessageTs);
        Assert.Equal("CDCQLNMEF", actions.Container.ChannelId);
    }

    [Fact]
    public async Task ViewSubmission_HandlerRejectsFields_AnswersWithInlineErrors()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        handler.OnViewSubmission = submission => submission.Values["comment"]["single_action"].Value is { Length: > 20 }
            ? SlackViewSubmissionResult.Close
            : SlackViewSubmissionResult.WithErrors(new Dictionary<string, string> { ["comment"] = "Please write a little more" });

        var response = await app.CreateClient().SendAsync(
            SlackRequestSigner.Form("/slack/interactions", SlackFixtures.AsInteractionForm(SlackFixtures.Text("view_submission.json"))), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"response_action":"errors","errors":{"comment":"Please write a little more"}}"""), body));
        // Same shape as the reference answer in bolt-python's tests.
        var reference = SlackFixtures.Json("outbound_view_submission_errors.json");
        Assert.Equal(reference.GetProperty("response_action").GetString(), body?["response_action"]?.GetValue<string>());
    }

    [Fact]
    public async Task ViewSubmission_HandlerAccepts_ClosesTheModalWithAnEmptyBody()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(
            SlackRequestSigner.Form("/slack/interactions", SlackFixtures.AsInteractionForm(SlackFixtures.Text("view_submission.json"))), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Single(handler.Received.OfType<SlackViewSubmission>());
    }

    [Fact]
    public async Task ViewSubmission_HandlerTooSlow_ClosesTheModalWithinThreeSeconds()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        handler.ViewSubmissionDelay = TimeSpan.FromSeconds(20);
        var client = app.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);

        var stopwatch = Stopwatch.StartNew();
        var response = await client.SendAsync(
            SlackRequestSigner.Form("/slack/interactions", SlackFixtures.AsInteractionForm(SlackFixtures.Text("view_submission.json"))), Cancel);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {stopwatch.Elapsed}");
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task SlashCommand_AckAnswerTooSlow_AcksEmptyWithinThreeSeconds_AndTheCommandIsStillHandled()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        handler.Ack = new SlackCommandAck("On its way", Answered: true);
        handler.AckDelay = TimeSpan.FromSeconds(20);
        var client = app.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);

        var stopwatch = Stopwatch.StartNew();
        var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", SlackFixtures.Text("slash_command_enterprise.txt")), Cancel);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {stopwatch.Elapsed}");
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
        // Not promised in the ack, so the handler answers as usual (through the response_url).
        Assert.False(Assert.Single(await handler.WaitForAsync<SlackCommand>()).AnsweredInAck);
    }

    [Fact]
    public async Task HandlerFailure_IsSwallowedAndTheWorkerGoesOn()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        handler.FailOnCommandText = "Hi";
        var client = app.CreateClient();
        var failing = SlackFixtures.Text("slash_command_enterprise.txt");

        for (var i = 0; i < new SlackOptions().InboundWorkers + 1; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SlackRequestSigner.Form("/slack/commands", failing), Cancel)).StatusCode);
        }

        var working = failing.Replace("text=Hi", "text=now", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SlackRequestSigner.Form("/slack/commands", working), Cancel)).StatusCode);

        var commands = await handler.WaitForAsync<SlackCommand>(new SlackOptions().InboundWorkers + 2);
        Assert.Contains(commands, command => command.Text == "now");
    }

    [Fact]
    public async Task BadSignatures_Are401WithNoDetailAndNothingIsHandedOn()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        var client = app.CreateClient();
        var body = SlackFixtures.Text("event_callback_message_im.json");
        var command = SlackFixtures.Text("slash_command_webhook_collect.txt");

        HttpRequestMessage[] requests =
        [
            SlackRequestSigner.Signed("/slack/events", body, Json, secret: "wrong-secret"),
            SlackRequestSigner.Signed("/slack/events", body, Json, at: TimeProvider.System.GetUtcNow().AddMinutes(-6)),
            SlackRequestSigner.Signed("/slack/events", body, Json, at: TimeProvider.System.GetUtcNow().AddMinutes(6)),
            SlackRequestSigner.Unsigned("/slack/events", body, Json),
            SlackRequestSigner.Unsigned("/slack/commands", command, Form),
            SlackRequestSigner.Unsigned("/slack/interactions", SlackFixtures.Text("block_actions_form.txt"), Form),
            Tampered(SlackRequestSigner.Form("/slack/commands", command), command.Replace("text=", "text=x", StringComparison.Ordinal)),
        ];
        foreach (var request in requests)
        {
            var response = await client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
        }

        await Task.Delay(300, Cancel);
        Assert.Empty(handler.Received);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>().ProcessedInboundEvents.CountAsync(Cancel));
    }

    [Theory]
    [InlineData("/slack/events", "{}", Json, "type")]
    [InlineData("/slack/events", "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"app_uninstalled\"}}", Json, "event_id")]
    [InlineData("/slack/events", "not json", Json, "JSON")]
    [InlineData("/slack/commands", "user_id=U1&command=%2Fmicromove&channel_id=D1&response_url=https%3A%2F%2Fhooks.slack.com%2Fx", Form, "team_id")]
    [InlineData("/slack/interactions", "foo=bar", Form, "payload")]
    [InlineData("/slack/interactions", "payload=%7Bnope", Form, "JSON")]
    public async Task Malformed_Is400WithAShortReason(string path, string body, string contentType, string reason)
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Signed(path, body, contentType), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(handler.Received);
    }

    [Theory]
    [InlineData("/slack/events", """{"type":"event_callback","event_id":"Ev9","team_id":"T1","event":{"type":"reaction_added","user":"U1"}}""", Json)]
    [InlineData("/slack/events", """{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}""", Json)]
    [InlineData("/slack/events", """{"type":"something_new"}""", Json)]
    [InlineData("/slack/interactions", "payload=%7B%22type%22%3A%22shortcut%22%7D", Form)]
    public async Task UnknownTypes_Are200AndNotHandedOn(string path, string body, string contentType)
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Signed(path, body, contentType), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200, Cancel);
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task BotMessages_Are200AndNotHandedOn()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", SlackFixtures.Text("event_callback_message_bot_message.json")), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200, Cancel);
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task GarbageBodies_NeverGet500()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        var client = app.CreateClient();
        string[] bodies =
        [
            string.Empty, "\0\0\0", "{", "}", "[", "null", "true", "42", "\"x\"", "{\"type\":null}", "{\"type\":42}",
            "{\"type\":\"event_callback\",\"event\":[],\"event_id\":{},\"team_id\":[]}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":{\"id\":1}}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"team_id\":\"T1\",\"event\":{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[1,null]}}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"team_id\":\"T1\",\"event_time\":\"soon\",\"event\":{\"type\":\"app_uninstalled\"}}",
            new string('[', 10_000), "payload=", "payload=%", "payload=%ZZ%7B", "%%%&&&===", "payload=" + Uri.EscapeDataString(new string('[', 5_000)),
            "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"team_id\":\"T1\"},\"actions\":[{\"action_id\":\"a\",\"selected_option\":\"x\"}]}"),
            "payload=" + Uri.EscapeDataString("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\",\"team_id\":\"T1\"},\"view\":{\"id\":\"V1\",\"state\":{\"values\":{\"b\":null}}}}"),
            "payload=" + Uri.EscapeDataString("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\",\"team_id\":\"T1\"},\"view\":{\"id\":\"V1\",\"state\":{\"values\":{\"b\":{\"a\":null}}}}}"),
            "team_id=T1&team_id=T2&user_id=U1&channel_id=C1&command=%2Fx&response_url=not-a-url",
            "team_id=T1&user_id=U1&channel_id=C1&command=%2Fx&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&text=%E2%9C%93%FF",
            "\uFEFF{\"type\":\"url_verification\",\"challenge\":\"c\"}", "ünïcödé ✓ \uD83D\uDE00",
        ];
        string[] paths = ["/slack/events", "/slack/commands", "/slack/interactions", "/slack/interactivity"];

        foreach (var path in paths)
        {
            foreach (var body in bodies)
            {
                foreach (var contentType in (string[])[Json, Form, "text/plain"])
                {
                    var response = await client.SendAsync(SlackRequestSigner.Signed(path, body, contentType), Cancel);
                    Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode} to {body[..Math.Min(body.Length, 60)]}");
                }
            }
        }

        Assert.DoesNotContain(handler.Received, item => item is SlackEvent { Context.EventId: "Ev1" });
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var (app, _) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", new string('x', SlackRequestBody.MaxBytes + 1)), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SslCheck_Unsigned_Is200AndNothingHappens()
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Unsigned("/slack/commands", SlackFixtures.Text("ssl_check.txt"), Form), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200, Cancel);
        Assert.Empty(handler.Received);
    }

    [Theory]
    [InlineData("POST", "/slack/events")]
    [InlineData("POST", "/slack/commands")]
    [InlineData("POST", "/slack/interactions")]
    [InlineData("GET", "/slack/install")]
    [InlineData("GET", "/slack/oauth/callback")]
    public async Task WithoutASigningSecret_SlackRoutesAre404(string method, string path)
    {
        await using var app = new MicroMoveApp(await server.CreateMigratedDatabaseAsync());
        var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative))
            : SlackRequestSigner.Json(path, SlackFixtures.Text("url_verification.json"));

        var response = await app.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("event_callback_app_uninstalled.json", typeof(SlackAppUninstalledEvent))]
    [InlineData("event_callback_tokens_revoked.json", typeof(SlackTokensRevokedEvent))]
    public async Task LosingAccess_DeactivatesTheWorkspaceBeforeHandingOn(string fixture, Type expectedEvent)
    {
        var (app, handler) = await SlackTestApps.StartAsync(server);
        await using var _app = app;
        _ = app.CreateClient();
        await SeedWorkspaceAsync(app, "TXXXXXXXX");
        await SeedWorkspaceAsync(app, "TOTHER");

        var response = await app.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", SlackFixtures.Text(fixture)), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handed = Assert.Single(await handler.WaitForAsync<SlackEvent>());
        Assert.IsType(expectedEvent, handed);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var gone = await db.Workspaces.SingleAsync(w => w.ExternalId == "TXXXXXXXX", Cancel);
        Assert.False(gone.Active);
        Assert.NotNull(gone.DeactivatedAt);
        Assert.Null(gone.EncryptedCredentials);
        Assert.True((await db.Workspaces.SingleAsync(w => w.ExternalId == "TOTHER", Cancel)).Active);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>().GetBotTokenAsync("TXXXXXXXX", cancellationToken: Cancel));
    }

    private static async Task SeedWorkspaceAsync(MicroMoveApp app, string teamId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<CredentialProtector>();
        db.Workspaces.Add(new WorkspaceEntity
        {
            Platform = ChatPlatform.Slack,
            ExternalId = teamId,
            Name = teamId,
            EncryptedCredentials = protector.Protect("xoxb-seeded", SlackWorkspaceTokens.ProtectionContext(teamId)),
            CreatedAt = TimeProvider.System.GetUtcNow(),
        });
        await db.SaveChangesAsync(Cancel);
    }

    private static HttpRequestMessage Tampered(HttpRequestMessage signed, string body)
    {
        var contentType = signed.Content?.Headers.ContentType?.ToString() ?? Form;
        signed.Content = new StringContent(body);
        signed.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return signed;
    }
}
