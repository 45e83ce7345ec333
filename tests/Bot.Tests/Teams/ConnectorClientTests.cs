using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using MicroMove.Bot.Chat;
using MicroMove.Bot.Teams;
using MicroMove.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The Connector client against a loopback fake Connector and token endpoint.</summary>
public sealed class ConnectorClientTests(PostgresServer server)
{
    private const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    private static readonly string CreatedConversationId =
        TeamsTestBed.Json(TeamsTestBed.Fixture("create_conversation_response_201.json")).GetProperty("id").GetString() ?? string.Empty;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateSendUpdate_TalkTheConnectorProtocol_WithOneCachedToken()
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (request, index) => index == 0
            ? new FakeResponse(201, TeamsTestBed.Fixture("create_conversation_response_201.json"))
            : new FakeResponse(200, $$"""{"id":"activity-{{index}}"}""");
        var user = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var created = Assert.IsType<ConnectorSuccess>(await client.CreateConversationAsync(user, Cancel));
        var conversation = user with { ConversationId = created.Id ?? string.Empty };
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Shoulder rolls"}]}""")!;
        var sent = Assert.IsType<ConnectorSuccess>(await client.SendAsync(conversation, OutboundActivity.FromCard(card, "Time to move"), Cancel));
        var updated = await client.UpdateAsync(conversation, sent.Id ?? string.Empty, OutboundActivity.FromText("Done ✓"), Cancel);

        Assert.Equal(CreatedConversationId, created.Id);
        Assert.Equal("activity-1", sent.Id);
        Assert.IsType<ConnectorSuccess>(updated);
        var requests = bed.Fake.ConnectorRequests.ToArray();
        Assert.Equal(3, requests.Length);

        Assert.Equal(("POST", "/teams/v3/conversations"), (requests[0].Method, requests[0].Target));
        var create = TeamsTestBed.Json(requests[0].Body);
        Assert.False(create.GetProperty("isGroup").GetBoolean());
        Assert.Equal($"28:{TeamsTestBed.AppId}", create.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal(UserId, Assert.Single(create.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(TeamsTestBed.TenantId, create.GetProperty("tenantId").GetString());

        Assert.Equal(("POST", $"/teams/v3/conversations/{Uri.EscapeDataString(CreatedConversationId)}/activities"), (requests[1].Method, requests[1].Target));
        var message = TeamsTestBed.Json(requests[1].Body);
        Assert.Equal("message", message.GetProperty("type").GetString());
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.True(JsonNode.DeepEquals(card, JsonNode.Parse(attachment.GetProperty("content").GetRawText())));
        Assert.False(message.TryGetProperty("text", out _), "no text next to a card: Teams would split the message");

        Assert.Equal(("PUT", $"/teams/v3/conversations/{Uri.EscapeDataString(CreatedConversationId)}/activities/activity-1"), (requests[2].Method, requests[2].Target));
        Assert.Equal("activity-1", TeamsTestBed.Json(requests[2].Body).GetProperty("id").GetString());

        Assert.Equal(1, bed.Fake.TokenRequests);
        Assert.All(requests, r => Assert.Equal("Bearer bot-token-1", r.Authorization));
        var form = Assert.Single(bed.Fake.TokenForms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TeamsTestBed.AppId, form["client_id"]);
        Assert.Equal("test-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Reply_PostsToTheActivityWithReplyToId()
    {
        await using var bed = await StartAsync();
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.ReplyAsync(conversation, "1776;messageid=9", OutboundActivity.FromText("Here is a set"), Cancel);

        Assert.IsType<ConnectorSuccess>(result);
        var request = Assert.Single(bed.Fake.ConnectorRequests);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(conversation.ConversationId)}/activities/1776%3Bmessageid%3D9", request.Target);
        Assert.Equal("1776;messageid=9", TeamsTestBed.Json(request.Body).GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task Throttled429_WaitsRetryAfterAndRetries()
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (_, index) => index == 0
            ? new FakeResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : new FakeResponse(200, """{"id":"activity-9"}""");
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();
        var clock = Stopwatch.StartNew();

        var result = await client.SendAsync(conversation, OutboundActivity.FromText("hello"), Cancel);

        Assert.Equal("activity-9", Assert.IsType<ConnectorSuccess>(result).Id);
        Assert.Equal(2, bed.Fake.ConnectorRequests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited {clock.Elapsed}");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendThatFailedWith5xx_IsNotResent_AndIsReportedUncertain(int status)
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(status, """{"error":{"code":"ServiceError","message":"oops"}}""");
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.SendAsync(conversation, OutboundActivity.FromText("hello"), Cancel);

        Assert.IsType<ConnectorSendUncertain>(result);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task SendThatTimedOut_IsNotResent_AndIsReportedUncertain()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, fakeClock: true);
        bed.Fake.ConnectorDelay = TimeSpan.FromSeconds(20);
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var sending = client.SendAsync(conversation, OutboundActivity.FromText("hello"), Cancel);
        while (bed.Fake.ConnectorRequests.IsEmpty)
        {
            await Task.Delay(20, Cancel);
        }

        bed.Time?.Advance(ConnectorClient.AttemptTimeout + TimeSpan.FromSeconds(1));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.IsType<ConnectorSendUncertain>(result);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task UpdateThatGot503_IsRetried_BecausePutIsIdempotent()
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (_, index) => index == 0 ? new FakeResponse(503, string.Empty) : new FakeResponse(200, """{"id":"activity-1"}""");
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.UpdateAsync(conversation, "activity-1", OutboundActivity.FromText("Done ✓"), Cancel);

        Assert.IsType<ConnectorSuccess>(result);
        Assert.Equal(2, bed.Fake.ConnectorRequests.Count);
    }

    [Theory]
    [InlineData("error_403_message_writes_blocked.json", "MessageWritesBlocked")]
    [InlineData("error_403_bot_not_in_roster.json", "BotNotInConversationRoster")]
    public async Task Forbidden_BlockedOrNotInstalled_IsRecipientUnreachable(string fixture, string reason)
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(403, TeamsTestBed.Fixture(fixture));
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.SendAsync(conversation, OutboundActivity.FromText("hello"), Cancel);

        var unreachable = Assert.IsType<RecipientUnreachable>(result);
        Assert.Equal(reason, unreachable.Reason);
        Assert.Equal(403, unreachable.StatusCode);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task BadRequest_IsAFailureThatIsNotRetried()
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(400, """{"error":{"code":"BadSyntax","message":"Incorrect conversation creation parameters"}}""");
        var user = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.CreateConversationAsync(user, Cancel);

        var failure = Assert.IsType<ConnectorFailure>(result);
        Assert.Equal(("BadSyntax", false), (failure.Code, failure.Retryable));
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task Unauthorized_FetchesAFreshTokenOnce()
    {
        await using var bed = await StartAsync();
        bed.Fake.ConnectorResponder = (_, index) => index == 0 ? new FakeResponse(401, string.Empty) : new FakeResponse(200, """{"id":"activity-1"}""");
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.SendAsync(conversation, OutboundActivity.FromText("hello"), Cancel);

        Assert.IsType<ConnectorSuccess>(result);
        Assert.Equal(2, bed.Fake.TokenRequests);
        Assert.Equal("Bearer bot-token-2", bed.Fake.ConnectorRequests.Last().Authorization);
    }

    [Fact]
    public async Task ServiceUrlNeverSeenInbound_GetsNoTokenAndNoRequest()
    {
        await using var bed = await StartAsync();
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();
        var stranger = new ConversationReference("a:someone", bed.Fake.ServiceUrl, TeamsTestBed.TenantId, UserId, null, null, "personal");

        var result = await client.SendAsync(stranger, OutboundActivity.FromText("hello"), Cancel);

        Assert.Equal("UntrustedServiceUrl", Assert.IsType<ConnectorFailure>(result).Code);
        Assert.Empty(bed.Fake.ConnectorRequests);
        Assert.Equal(0, bed.Fake.TokenRequests);
    }

    [Fact]
    public async Task ServiceUrlSeenInAValidatedActivity_IsTrusted()
    {
        await using var bed = await StartAsync();
        var message = TeamsTestBed.Fixture("message_activity.json", node => node["serviceUrl"] = bed.Fake.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await bed.PostSignedAsync(message)).StatusCode);
        var reference = ConversationReference.From(JsonSerializer.Deserialize(message, TeamsJsonContext.Default.TeamsActivity) ?? new TeamsActivity());
        Assert.NotNull(reference);

        var result = await bed.App.Services.GetRequiredService<ConnectorClient>().SendAsync(reference, OutboundActivity.FromText("hi"), Cancel);

        Assert.IsType<ConnectorSuccess>(result);
    }

    [Fact]
    public async Task CheckpointThatRefuses_PostsNothing_AndTakesNoPostingSlot()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, fakeClock: true);
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();

        var result = await client.SendAsync(conversation, OutboundActivity.FromText("hello"), null, Cancel, _ => Task.FromResult(false));

        Assert.Equal(ConnectorClient.CheckpointRefused, Assert.IsType<ConnectorFailure>(result).Code);
        Assert.Empty(bed.Fake.ConnectorRequests);
        var slots = await FillPostingGateAsync(bed, 50); // the clock stands still: all 50 of this window are still free
        Assert.All(slots, slot => Assert.True(slot.IsAcquired));
    }

    [Fact]
    public async Task Post_WaitsAtThePostingGate_AfterTheCheckpoint_EvenPastItsRateLimitBudget()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, fakeClock: true);
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();
        Assert.NotNull(bed.Time);
        await FillPostingGateAsync(bed, 50); // other posts of the tenant left this very moment
        var checkpointed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        PostingCheckpoint checkpoint = _ =>
        {
            checkpointed.TrySetResult(bed.Fake.ConnectorRequests.Count);
            return Task.FromResult(true);
        };

        var sending = client.SendAsync(conversation, OutboundActivity.FromText("hello"), TimeSpan.FromMilliseconds(100), Cancel, checkpoint);
        var postedBeforeCheckpoint = await checkpointed.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        await Task.Delay(500, Cancel); // real time: a post the gate did not hold would have reached the fake by now

        Assert.Equal(0, postedBeforeCheckpoint);
        Assert.Empty(bed.Fake.ConnectorRequests);
        Assert.False(sending.IsCompleted);
        bed.Time.Advance(TimeSpan.FromSeconds(2));

        // Past its 100 ms budget, but after the checkpoint it waits rather than give up.
        Assert.IsType<ConnectorSuccess>(await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task Throttled429_TheRetryPassesThePostingGateAgain()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, fakeClock: true);
        bed.Fake.ConnectorResponder = (_, index) => index == 0
            ? new FakeResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : new FakeResponse(200, """{"id":"activity-9"}""");
        var conversation = await KnownUserAsync(bed);
        var client = bed.App.Services.GetRequiredService<ConnectorClient>();
        Assert.NotNull(bed.Time);
        await FillPostingGateAsync(bed, 49); // the first attempt takes the window's last slot

        var sending = client.SendAsync(conversation, OutboundActivity.FromText("hello"), Cancel);
        for (var waited = 0; bed.Fake.ConnectorRequests.IsEmpty && waited < 10_000; waited += 20)
        {
            await Task.Delay(20, Cancel);
        }

        await Task.Delay(500, Cancel); // real time: a retry the gate did not hold would have reached the fake by now
        Assert.Single(bed.Fake.ConnectorRequests);
        Assert.False(sending.IsCompleted);
        bed.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("activity-9", Assert.IsType<ConnectorSuccess>(await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel)).Id);
        Assert.Equal(2, bed.Fake.ConnectorRequests.Count);
    }

    [Theory]
    [InlineData("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "ConversationBlockedByUser")]
    [InlineData("""{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\"\r\n}"}""", "MessageWritesBlocked")]
    [InlineData("not json BotDisabledByAdmin", "BotDisabledByAdmin")]
    [InlineData("", "")]
    public void ErrorCodes_AreReadFromEveryShapeTeamsUses(string body, string code) =>
        Assert.Equal(code, ConnectorClient.ErrorCode(body));

    private Task<TeamsTestBed> StartAsync() => TeamsTestBed.StartAsync(server, fakeClock: false);

    /// <summary>Takes <paramref name="count"/> of the test tenant's posting slots, as other posts would (each must be free at once).</summary>
    private static async Task<List<RateLimitLease>> FillPostingGateAsync(TeamsTestBed bed, int count)
    {
        var limiter = bed.App.Services.GetRequiredService<ConnectorRateLimiter>();
        var slots = new List<RateLimitLease>();
        for (var i = 0; i < count; i++)
        {
            var slot = limiter.AcquirePostingSlotAsync(new ConnectorTarget(TeamsTestBed.TenantId, $"a:other-{i}"), Cancel);
            Assert.True(slot.IsCompletedSuccessfully, $"posting slot {i} was not free");
            slots.Add(await slot);
        }

        return slots;
    }

    private static async Task<ConversationReference> KnownUserAsync(TeamsTestBed bed)
    {
        var reference = new ConversationReference(
            "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-",
            bed.Fake.ServiceUrl,
            TeamsTestBed.TenantId,
            UserId,
            "7faf8ab2-3d56-4244-b585-20c8a42ed2b8",
            $"28:{TeamsTestBed.AppId}",
            "personal");
        await using var scope = bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamsConversationStore>().RememberAsync(reference, Cancel);
        return reference;
    }
}
