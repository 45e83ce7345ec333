using MicroMove.Bot.Chat;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The Teams gateway against the loopback fake Connector and token endpoint.</summary>
public sealed class TeamsGatewayTests(PostgresServer server)
{
    private const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    private const string ConversationId = "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";
    private const string ChannelConversationId = "19:general@thread.tacv2";

    private static readonly string CreatedConversationId =
        TeamsTestBed.Json(TeamsTestBed.Fixture("create_conversation_response_201.json")).GetProperty("id").GetString() ?? string.Empty;

    private static readonly BotMessage Prompt = MessageSamples.All("/micromove ")["prompt-routine"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_ToAStoredConversation_PostsTheAdaptiveCardWithTheBotToken()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");

        var outcome = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, Cancel);

        Assert.Equal(new SendOutcome.Sent($"{ConversationId}|activity-1", ConversationId), outcome);
        var request = Assert.Single(bed.Fake.ConnectorRequests);
        Assert.Equal(("POST", $"/teams/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities"), (request.Method, request.Target));
        Assert.Equal("Bearer bot-token-1", request.Authorization);
        var activity = TeamsTestBed.Json(request.Body);
        Assert.Equal("message", activity.GetProperty("type").GetString());
        Assert.Equal(Prompt.FallbackText, activity.GetProperty("summary").GetString());
        Assert.False(activity.TryGetProperty("text", out _), "no text next to the card: Teams would split the message");
        var attachment = Assert.Single(activity.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
        Assert.Contains("Action.Execute", attachment.GetProperty("content").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithNoOneToOneConversationYet_CreatesItProactively_ThenPosts()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ChannelConversationId, "channel", userId: "29:someone-else");
        bed.Fake.ConnectorResponder = (request, index) => index == 0
            ? new FakeResponse(201, TeamsTestBed.Fixture("create_conversation_response_201.json"))
            : new FakeResponse(200, """{"id":"activity-7"}""");

        var outcome = await Gateway(bed).SendAsync(Address(null), Prompt, Cancel);

        Assert.Equal(new SendOutcome.Sent($"{CreatedConversationId}|activity-7", CreatedConversationId), outcome);
        var requests = bed.Fake.ConnectorRequests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(("POST", "/teams/v3/conversations"), (requests[0].Method, requests[0].Target));
        var create = TeamsTestBed.Json(requests[0].Body);
        Assert.Equal(UserId, Assert.Single(create.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(TeamsTestBed.TenantId, create.GetProperty("tenantId").GetString());
        Assert.Equal(("POST", $"/teams/v3/conversations/{Uri.EscapeDataString(CreatedConversationId)}/activities"), (requests[1].Method, requests[1].Target));

        // Remembered: the next send goes straight to the conversation.
        await using var scope = bed.App.Services.CreateAsyncScope();
        var known = await scope.ServiceProvider.GetRequiredService<TeamsConversationStore>().FindPersonalAsync(TeamsTestBed.TenantId, UserId, Cancel);
        Assert.Equal(CreatedConversationId, known?.ConversationId);
    }

    [Fact]
    public async Task Send_WithNothingKnownAboutTheTenant_IsRecipientUnreachable_WithoutACall()
    {
        await using var bed = await StartAsync();

        var outcome = await Gateway(bed).SendAsync(Address(null), Prompt, Cancel);

        Assert.IsType<SendOutcome.RecipientUnreachable>(outcome);
        Assert.Empty(bed.Fake.ConnectorRequests);
    }

    [Theory]
    [InlineData("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "ConversationBlockedByUser")]
    [InlineData("error_403_message_writes_blocked.json", "MessageWritesBlocked")]
    [InlineData("error_403_bot_not_in_roster.json", "BotNotInConversationRoster")]
    public async Task Blocked403_IsRecipientUnreachable(string body, string code)
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");
        var answer = body.EndsWith(".json", StringComparison.Ordinal) ? TeamsTestBed.Fixture(body) : body;
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(403, answer);

        var outcome = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, Cancel);

        Assert.Equal(new SendOutcome.RecipientUnreachable(code), outcome);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task Checkpoint_RunsRightBeforeThePost_AndRefusedPostsNothing()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");
        var requestsAtCheckpoint = new List<int>();

        var sent = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, _ =>
        {
            requestsAtCheckpoint.Add(bed.Fake.ConnectorRequests.Count);
            return Task.FromResult(true);
        }, Cancel);
        var refused = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, _ => Task.FromResult(false), Cancel);

        Assert.IsType<SendOutcome.Sent>(sent);
        Assert.Equal([0], requestsAtCheckpoint);
        Assert.IsType<SendOutcome.RetryLater>(refused);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task Http500_IsUncertain_AndExactlyOneRequestReachedTheConnector()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(500, """{"error":{"code":"ServiceError","message":"oops"}}""");

        var outcome = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, Cancel);
        await Task.Delay(200, Cancel);

        Assert.IsType<SendOutcome.Uncertain>(outcome);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task Throttled429_BeyondTheWaitBound_IsRetryLaterWithTheRetryAfter()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(
            429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "45" });

        var outcome = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, Cancel);

        var retry = Assert.IsType<SendOutcome.RetryLater>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(45), retry.After);
        Assert.Single(bed.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task BadRequest_IsUncertain_NotTheRecipientsFault()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");
        bed.Fake.ConnectorResponder = (_, _) => new FakeResponse(400, """{"error":{"code":"BadArgument","message":"bad card"}}""");

        var outcome = await Gateway(bed).SendAsync(Address(ConversationId), Prompt, Cancel);

        Assert.Equal(new SendOutcome.Uncertain("BadArgument"), outcome);
    }

    [Fact]
    public async Task Update_PutsTheCardOverTheSameActivity()
    {
        await using var bed = await StartAsync();
        await RememberAsync(bed, ConversationId, "personal");
        var done = MessageSamples.All("/micromove ")["done-asking-after"];

        var outcome = await Gateway(bed).UpdateAsync(Address(ConversationId), $"{ConversationId}|activity-1", done, Cancel);

        Assert.Equal(new SendOutcome.Sent($"{ConversationId}|activity-1", ConversationId), outcome);
        var request = Assert.Single(bed.Fake.ConnectorRequests);
        Assert.Equal(("PUT", $"/teams/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities/activity-1"), (request.Method, request.Target));
        var activity = TeamsTestBed.Json(request.Body);
        Assert.Equal("activity-1", activity.GetProperty("id").GetString());
        Assert.Equal(
            "application/vnd.microsoft.card.adaptive",
            Assert.Single(activity.GetProperty("attachments").EnumerateArray()).GetProperty("contentType").GetString());
    }

    [Fact]
    public void Gateway_IsRegisteredOnlyWhenTeamsIsEnabled()
    {
        var on = new ServiceCollection();
        on.AddTeams(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = TeamsTestBed.AppId }).Build());
        var off = new ServiceCollection();
        off.AddTeams(new ConfigurationBuilder().Build());

        Assert.Contains(on, d => d.ServiceType == typeof(IChatGateway) && d.ImplementationType == typeof(TeamsGateway));
        Assert.DoesNotContain(off, d => d.ServiceType == typeof(IChatGateway));
    }

    /// <summary>The real delivery path: dispatch a due person of a Teams tenant, one worker round, one activity at the Connector.</summary>
    [Fact]
    public async Task EndToEnd_DuePersonInATeamsTenant_GetsExactlyOneMessage_AndTheDeliveryIsSentWithItsRef()
    {
        var nineInBerlin = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(nineInBerlin);
        await using var fake = await FakeBotFramework.StartAsync();
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using var app = new MicroMoveApp(
            connectionString,
            new Dictionary<string, string?>
            {
                ["Teams:AppId"] = TeamsTestBed.AppId,
                ["Teams:AppPassword"] = "test-secret",
                ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
                ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
            },
            services => services.AddSingleton<TimeProvider>(clock));
        WorkspaceEntity workspace;
        await using (var db = PromptWorld.Db(connectionString))
        {
            workspace = new WorkspaceEntity { Platform = ChatPlatform.Teams, ExternalId = TeamsTestBed.TenantId, Name = "Contoso", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync(Cancel);
        }

        var person = (await PromptWorld.PeopleAsync(connectionString, workspace, 1, WorkSchedule.Default("Europe/Berlin"), nineInBerlin)).Single();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamsConversationStore>().RememberAsync(
                new ConversationReference(ConversationId, fake.ServiceUrl, TeamsTestBed.TenantId, person.PlatformUserId, null, $"28:{TeamsTestBed.AppId}", "personal"),
                Cancel);
            await using var db = PromptWorld.Db(connectionString);
            person.ConversationId = ConversationId;
            db.People.Attach(person).Property(p => p.ConversationId).IsModified = true;
            await db.SaveChangesAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(Cancel);
        }

        Assert.Equal(1, await ActivatorUtilities.CreateInstance<DeliveryWorker>(app.Services).RunOnceAsync(Cancel));

        var request = Assert.Single(fake.ConnectorRequests);
        Assert.Equal(("POST", $"/teams/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities"), (request.Method, request.Target));
        Assert.Contains("application/vnd.microsoft.card.adaptive", request.Body, StringComparison.Ordinal);
        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(connectionString));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal($"{ConversationId}|activity-1", delivery.PlatformMessageRef);
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<DeliveryWorker>(app.Services).RunOnceAsync(Cancel));
        Assert.Single(fake.ConnectorRequests);
    }

    private Task<TeamsTestBed> StartAsync() => TeamsTestBed.StartAsync(server, fakeClock: false);

    private static TeamsGateway Gateway(TeamsTestBed bed) =>
        bed.App.Services.GetServices<IChatGateway>().OfType<TeamsGateway>().Single();

    private static ChatAddress Address(string? conversationId) =>
        new(ChatPlatform.Teams, Guid.NewGuid(), TeamsTestBed.TenantId, Guid.NewGuid(), UserId, conversationId, null);

    private static async Task RememberAsync(TeamsTestBed bed, string conversationId, string type, string userId = UserId)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamsConversationStore>().RememberAsync(
            new ConversationReference(conversationId, bed.Fake.ServiceUrl, TeamsTestBed.TenantId, userId, null, $"28:{TeamsTestBed.AppId}", type),
            Cancel);
    }
}
