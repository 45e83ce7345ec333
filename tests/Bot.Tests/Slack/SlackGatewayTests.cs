using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MicroMove.Bot.Chat;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The Slack gateway against the loopback fake Web API: what reaches Slack, and what each failure means for a delivery.</summary>
public sealed class SlackGatewayTests(PostgresServer server)
{
    private const string TeamId = "T0GATEWAY";
    private const string BotToken = "xoxb-gateway-token";
    private const string UserId = "U0PERSON1";
    private const string DmChannel = "D069C7QFK";
    private const string Ts = "1764061200.000100";

    private static readonly BotMessage Prompt = MessageSamples.All("/micromove ")["prompt-routine"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_OpensTheDm_PostsTheBlocksWithTheWorkspaceToken_AndReturnsChannelAndTs()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness);
        harness.Api.Respond = SlackAnswers;

        var outcome = await Gateway(harness).SendAsync(address, Prompt, Cancel);

        Assert.Equal(new SendOutcome.Sent($"{DmChannel}|{Ts}", DmChannel), outcome);
        var requests = harness.Api.Requests.ToArray();
        Assert.Equal(["/api/conversations.open", "/api/chat.postMessage"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal($"Bearer {BotToken}", r.Authorization));
        Assert.Equal(UserId, JsonNode.Parse(requests[0].Body)?["users"]?.GetValue<string>());
        var post = JsonNode.Parse(requests[1].Body)?.AsObject() ?? [];
        Assert.Equal(DmChannel, post["channel"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(post["text"]?.GetValue<string>()));
        Assert.NotEmpty(post["blocks"]?.AsArray() ?? []);
        Assert.Contains("\"action_id\":\"mm_done\"", post["blocks"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains(BotToken, StringComparison.Ordinal));

        // The DM id is cached: a second prompt goes straight to chat.postMessage.
        await Gateway(harness).SendAsync(address, Prompt, Cancel);
        Assert.Equal(1, harness.Api.Requests.Count(r => r.Path == "/api/conversations.open"));
    }

    [Fact]
    public async Task Send_ToAStoredConversation_PostsThereWithoutOpeningADm()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = "D0STORED" };
        harness.Api.Respond = SlackAnswers;

        var outcome = await Gateway(harness).SendAsync(address, Prompt, Cancel);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("/api/chat.postMessage", request.Path);
        Assert.Equal("D0STORED", JsonNode.Parse(request.Body)?["channel"]?.GetValue<string>());
    }

    [Fact]
    public async Task Update_CallsChatUpdateWithTheSameChannelAndTs()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Respond = SlackAnswers;
        var done = MessageSamples.All("/micromove ")["done-asking-after"];

        var outcome = await Gateway(harness).UpdateAsync(address, $"{DmChannel}|{Ts}", done, Cancel);

        Assert.Equal(new SendOutcome.Sent($"{DmChannel}|{Ts}", DmChannel), outcome);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("/api/chat.update", request.Path);
        Assert.Equal($"Bearer {BotToken}", request.Authorization);
        var body = JsonNode.Parse(request.Body)?.AsObject() ?? [];
        Assert.Equal((DmChannel, Ts), (body["channel"]?.GetValue<string>(), body["ts"]?.GetValue<string>()));
        Assert.NotEmpty(body["blocks"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Update_ServerError_IsRetryLater_BecauseReplacingTwiceIsHarmless()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness);
        harness.Api.Respond = _ => FakeSlackResponse.Json("{\"ok\":false,\"error\":\"internal_error\"}", 503);

        var outcome = await harness.AdvanceUntilDoneAsync(Gateway(harness).UpdateAsync(address, $"{DmChannel}|{Ts}", Prompt, Cancel));

        Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal(SlackWebApiClient.MaxAttempts, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task Http429_IsRetryLaterWithTheRetryAfter_AndNothingIsResent()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Respond = _ => FakeSlackResponse.RateLimited(retryAfterSeconds: 120);

        var outcome = await Gateway(harness).SendAsync(address, Prompt, Cancel);

        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), retry.After);
        Assert.Single(harness.Api.Requests);

        // The workspace stays paused for chat.postMessage: the next delivery is put back without a call.
        var next = Assert.IsType<SendOutcome.RetryLater>(await Gateway(harness).SendAsync(address, Prompt, Cancel));
        Assert.Equal(TimeSpan.FromSeconds(120), next.After);
        Assert.Single(harness.Api.Requests);
    }

    [Fact]
    public async Task Http429_WithAShortRetryAfter_IsWaitedOutWithinTheBound_ThenSent()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Then(FakeSlackResponse.RateLimited(retryAfterSeconds: 2));
        harness.Api.Respond = SlackAnswers;

        var outcome = await harness.AdvanceUntilDoneAsync(Gateway(harness).SendAsync(address, Prompt, Cancel));

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(2, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task Checkpoint_RunsAfterTheRateLimitWait_RightBeforeThePost()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Then(FakeSlackResponse.RateLimited(retryAfterSeconds: 2));
        harness.Api.Respond = SlackAnswers;
        // The first post meets a 429: the send waits 2 s for its next turn; the checkpoint runs before each post.
        var requestsAtCheckpoint = new List<int>();
        PostingCheckpoint checkpoint = _ =>
        {
            requestsAtCheckpoint.Add(harness.Api.Requests.Count);
            return Task.FromResult(true);
        };

        var outcome = await harness.AdvanceUntilDoneAsync(Gateway(harness).SendAsync(address, Prompt, checkpoint, Cancel));

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal([0, 1], requestsAtCheckpoint);
    }

    [Fact]
    public async Task Checkpoint_Refused_PostsNothing()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Respond = SlackAnswers;

        var outcome = await Gateway(harness).SendAsync(address, Prompt, _ => Task.FromResult(false), Cancel);

        Assert.IsNotType<SendOutcome.Sent>(outcome);
        Assert.IsNotType<SendOutcome.Uncertain>(outcome);
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public async Task Http500OnPostMessage_IsUncertain_AndExactlyOneRequestReachedSlack()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Respond = _ => FakeSlackResponse.Json("{\"ok\":false,\"error\":\"internal_error\"}", 500);

        var outcome = await harness.AdvanceUntilDoneAsync(Gateway(harness).SendAsync(address, Prompt, Cancel));
        await Task.Delay(200, Cancel);

        Assert.IsType<SendOutcome.Uncertain>(outcome);
        Assert.Single(harness.Api.Requests);
    }

    [Theory]
    [InlineData("channel_not_found", typeof(SendOutcome.RecipientUnreachable))]
    [InlineData("is_archived", typeof(SendOutcome.RecipientUnreachable))]
    [InlineData("cannot_dm_bot", typeof(SendOutcome.RecipientUnreachable))]
    [InlineData("invalid_auth", typeof(SendOutcome.WorkspaceGone))]
    [InlineData("token_revoked", typeof(SendOutcome.WorkspaceGone))]
    [InlineData("account_inactive", typeof(SendOutcome.WorkspaceGone))]
    [InlineData("rate_limited", typeof(SendOutcome.RetryLater))]
    [InlineData("missing_scope", typeof(SendOutcome.RetryLater))]
    [InlineData("internal_error", typeof(SendOutcome.Uncertain))]
    [InlineData("invalid_blocks", typeof(SendOutcome.Uncertain))]
    public async Task PostMessageErrors_MapToTheirOutcome_WithTheErrorCode(string error, Type expected)
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };
        harness.Api.Respond = _ => FakeSlackResponse.Json($$"""{"ok":false,"error":"{{error}}"}""");

        var outcome = await Gateway(harness).SendAsync(address, Prompt, Cancel);

        Assert.IsType(expected, outcome);
        Assert.Contains(error, outcome.ToString(), StringComparison.Ordinal);
        Assert.Single(harness.Api.Requests);
    }

    [Fact]
    public async Task ConversationsOpenRefused_IsRecipientUnreachable_AndNothingIsPosted()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness);
        harness.Api.Respond = _ => FakeSlackResponse.Json("""{"ok":false,"error":"user_not_found"}""");

        var outcome = await Gateway(harness).SendAsync(address, Prompt, Cancel);

        Assert.Equal(new SendOutcome.RecipientUnreachable("user_not_found"), outcome);
        Assert.DoesNotContain(harness.Api.Requests, r => r.Path == "/api/chat.postMessage");
    }

    [Fact]
    public async Task ConnectionRefused_BeforeAnythingLeft_IsRetryLater()
    {
        var closed = ClosedPort();
        await using var harness = await StartAsync(new Uri($"http://127.0.0.1:{closed}/api/"));
        var address = await SeedAsync(harness) with { ConversationId = DmChannel };

        var outcome = await harness.AdvanceUntilDoneAsync(Gateway(harness).SendAsync(address, Prompt, Cancel));

        Assert.Equal("network_error", Assert.IsType<SendOutcome.RetryLater>(outcome).Reason);
    }

    [Fact]
    public async Task WorkspaceWithoutAToken_IsGone_WithoutCallingSlack()
    {
        await using var harness = await StartAsync();
        var address = await SeedAsync(harness, sealedToken: false);

        var outcome = await Gateway(harness).SendAsync(address, Prompt, Cancel);

        Assert.IsType<SendOutcome.WorkspaceGone>(outcome);
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public void Gateway_IsRegisteredOnlyWhenSlackIsEnabled()
    {
        var on = new ServiceCollection();
        on.AddSlack(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret" }).Build());
        var off = new ServiceCollection();
        off.AddSlack(new ConfigurationBuilder().Build());

        Assert.Contains(on, d => d.ServiceType == typeof(IChatGateway) && d.ImplementationType == typeof(SlackGateway));
        Assert.DoesNotContain(off, d => d.ServiceType == typeof(IChatGateway));
    }

    /// <summary>The real delivery path: dispatch a due person of a Slack workspace, one worker round, one message in Slack.</summary>
    [Fact]
    public async Task EndToEnd_DuePersonInASlackWorkspace_GetsExactlyOneMessage_AndTheDeliveryIsSentWithItsRef()
    {
        var nineInBerlin = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(nineInBerlin);
        await using var slack = await FakeSlackApi.StartAsync();
        slack.Respond = SlackAnswers;
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using var app = new MicroMoveApp(
            connectionString,
            new Dictionary<string, string?> { ["Slack:SigningSecret"] = SlackRequestSigner.Secret, ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString() },
            services => services.AddSingleton<TimeProvider>(clock));
        var protector = app.Services.GetRequiredService<CredentialProtector>();
        WorkspaceEntity workspace;
        await using (var db = PromptWorld.Db(connectionString))
        {
            workspace = new WorkspaceEntity
            {
                Platform = ChatPlatform.Slack,
                ExternalId = TeamId,
                Name = "Acme",
                EncryptedCredentials = protector.Protect(BotToken, SlackWorkspaceTokens.ProtectionContext(TeamId)),
                CreatedAt = DateTimeOffset.UnixEpoch,
            };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync(Cancel);
        }

        var person = (await PromptWorld.PeopleAsync(connectionString, workspace, 1, WorkSchedule.Default("Europe/Berlin"), nineInBerlin)).Single();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(Cancel);
        }

        Assert.Equal(1, await ActivatorUtilities.CreateInstance<DeliveryWorker>(app.Services).RunOnceAsync(Cancel));

        var post = Assert.Single(slack.Requests, r => r.Path == "/api/chat.postMessage");
        Assert.Equal($"Bearer {BotToken}", post.Authorization);
        Assert.Contains("mm_done", post.Body, StringComparison.Ordinal);
        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(connectionString));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal($"{DmChannel}|{Ts}", delivery.PlatformMessageRef);
        Assert.Equal(DmChannel, (await PromptWorld.PersonAsync(connectionString, person.Id)).ConversationId);
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<DeliveryWorker>(app.Services).RunOnceAsync(Cancel));
        Assert.Single(slack.Requests, r => r.Path == "/api/chat.postMessage");
    }

    private static FakeSlackResponse SlackAnswers(FakeSlackRequest request) => request.Path switch
    {
        "/api/conversations.open" => FakeSlackResponse.Json("{\"ok\":true,\"channel\":{\"id\":\"" + DmChannel + "\"}}"),
        "/api/chat.postMessage" or "/api/chat.update" =>
            FakeSlackResponse.Json($$"""{"ok":true,"channel":"{{JsonNode.Parse(request.Body)?["channel"]?.GetValue<string>()}}","ts":"{{Ts}}"}"""),
        _ => FakeSlackResponse.Json("""{"ok":false,"error":"unknown_method"}"""),
    };

    private Task<SlackClientHarness> StartAsync(Uri? apiBaseUrl = null) => StartWithDatabaseAsync(apiBaseUrl);

    private async Task<SlackClientHarness> StartWithDatabaseAsync(Uri? apiBaseUrl) =>
        await SlackClientHarness.StartAsync(connectionString: await server.CreateMigratedDatabaseAsync(), apiBaseUrl: apiBaseUrl);

    private static SlackGateway Gateway(SlackClientHarness harness) =>
        harness.Services.GetServices<IChatGateway>().OfType<SlackGateway>().Single();

    private static async Task<ChatAddress> SeedAsync(SlackClientHarness harness, bool sealedToken = true)
    {
        using var scope = harness.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<CredentialProtector>();
        var workspace = new WorkspaceEntity
        {
            Platform = ChatPlatform.Slack,
            ExternalId = TeamId,
            Name = "Acme",
            EncryptedCredentials = sealedToken ? protector.Protect(BotToken, SlackWorkspaceTokens.ProtectionContext(TeamId)) : null,
            CreatedAt = harness.Time.GetUtcNow(),
        };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(Cancel);
        return new ChatAddress(ChatPlatform.Slack, workspace.Id, TeamId, Guid.NewGuid(), UserId, null, null);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
