using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Teams;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>/api/messages after authentication: parsing, hand-off, invoke responses, de-duplication, references.</summary>
public sealed class TeamsMessagesEndpointTests(PostgresServer server)
{
    private const string Envelope = "message_activity.json";

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    [InlineData("{\"type\": \"message\", \"timestamp\": \"yesterday\"}")]
    [InlineData("\u0000\u0001garbage\u00ff")]
    public async Task MalformedActivity_WithAValidToken_Returns400NotA500(string body)
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        var response = await bed.PostAsync(body, $"Bearer {bed.Token("https://smba.trafficmanager.net/amer/")}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bed.Handler.Activities);
    }

    [Fact]
    public async Task GarbageWithoutAToken_Returns401BeforeTheBodyIsRead()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        var response = await bed.PostAsync("\u0000 garbage {{{", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("conversation_update_bot_added_team.json", "conversationUpdate")]
    [InlineData("installation_update_add.json", "installationUpdate")]
    [InlineData("message_with_value_messageback.json", "message")]
    public async Task HandledTypes_AreAcknowledgedThenHandedOn(string fixture, string type)
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        var response = await bed.PostSignedAsync(TeamsTestBed.Fixture(fixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, (await bed.Handler.NextActivityAsync()).Type);
    }

    [Fact]
    public async Task OtherTypes_Are200AndIgnored()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        var edit = await bed.PostSignedAsync(TeamsTestBed.Fixture("message_update_edit_event.json"));
        var typing = await bed.PostSignedAsync(TeamsTestBed.Fixture(Envelope, node => node["type"] = "typing"));
        await bed.PostSignedAsync(TeamsTestBed.Message("after"));

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, typing.StatusCode);
        Assert.Equal("after", (await bed.Handler.NextActivityAsync()).Id);
        Assert.Single(bed.Handler.Activities);
    }

    [Fact]
    public async Task Invoke_ReturnsTheHandlersCardInTheInvokeResponse()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        var expected = TeamsTestBed.Json(TeamsTestBed.Fixture("invoke_response_card.json"));
        bed.Handler.InvokeResponder = activity =>
            activity.AdaptiveCardInvoke?.Action?.Verb == "doStuff" ? InvokeResult.Card(expected.GetProperty("value")) : InvokeResult.NotImplemented;

        var response = await bed.PostSignedAsync(InvokeWithEnvelope());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(JsonElement.DeepEquals(expected, body), body.GetRawText());
        var invoke = Assert.Single(bed.Handler.Invokes);
        Assert.Equal("first name", invoke.AdaptiveCardInvoke?.Action?.Data?.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Invoke_HandlerThrows_Answers200WithAnErrorEnvelope()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        bed.Handler.InvokeResponder = _ => throw new InvalidOperationException("boom");

        var response = await bed.PostSignedAsync(InvokeWithEnvelope());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(500, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResult.ErrorType, body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invoke_NotOurs_WithTheDefaultHandler_IsA400ErrorEnvelope()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, handler: _ => null);

        var response = await bed.PostSignedAsync(InvokeWithEnvelope());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResult.ErrorType, body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task DuplicateActivity_IsHandledOnce()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        var message = TeamsTestBed.Message("1776000000001", "done 4");

        var first = await bed.PostSignedAsync(message);
        var second = await bed.PostSignedAsync(message);
        await bed.PostSignedAsync(TeamsTestBed.Message("1776000000002", "marker"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("1776000000001", (await bed.Handler.NextActivityAsync()).Id);
        Assert.Equal("1776000000002", (await bed.Handler.NextActivityAsync()).Id);
        Assert.Equal(2, bed.Handler.Activities.Count);
        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var events = await db.ProcessedInboundEvents.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(ChatPlatform.Teams, e.Platform));
        Assert.Contains(events, e => e.EventId.StartsWith("1776000000001|a:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameActivityIdInAnotherConversation_IsNotADuplicate()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        await bed.PostSignedAsync(TeamsTestBed.Message("1776000000001"));
        await bed.PostSignedAsync(TeamsTestBed.Fixture(Envelope, node =>
        {
            node["id"] = "1776000000001";
            TeamsTestBed.Child(node, "conversation")["id"] = "a:another-person";
        }));

        await bed.Handler.NextActivityAsync();
        await bed.Handler.NextActivityAsync();
        Assert.Equal(2, bed.Handler.Activities.Count);
    }

    [Fact]
    public async Task EveryValidatedActivity_RefreshesItsConversationReference()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        const string moved = "https://smba.trafficmanager.net/emea/";

        await bed.PostSignedAsync(TeamsTestBed.Message("m1"));
        await bed.PostSignedAsync(TeamsTestBed.Fixture(Envelope, node =>
        {
            node["id"] = "m2";
            node["serviceUrl"] = moved;
            TeamsTestBed.Child(node, "from").Remove("aadObjectId");
        }));

        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var row = Assert.Single(await db.TeamsConversations.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(moved, row.ServiceUrl);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", row.AadObjectId);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", row.TenantId);
        Assert.Equal("personal", row.ConversationType);
        Assert.Equal(TeamsTestBed.Now, row.LastSeenAt);
    }

    [Fact]
    public async Task AnUnchangedReference_IsNotRewrittenOnEveryActivity_ButRefreshedAfterAWhile()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        var time = bed.Time ?? throw new InvalidOperationException("the bed runs on a fake clock");

        await bed.PostSignedAsync(TeamsTestBed.Message("m1"));
        time.Advance(TimeSpan.FromMinutes(1));
        await bed.PostSignedAsync(TeamsTestBed.Message("m2"));
        Assert.Equal(TeamsTestBed.Now, (await ConversationRowAsync(bed)).LastSeenAt);

        time.Advance(RememberedReferences.RefreshAfter);
        await bed.PostSignedAsync(TeamsTestBed.Message("m3"));
        Assert.Equal(time.GetUtcNow(), (await ConversationRowAsync(bed)).LastSeenAt);
    }

    [Fact]
    public async Task HandlerFailure_IsLoggedAndTheWorkerGoesOn()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, handler: recorder => new ThrowingOnceHandler(recorder));

        Assert.Equal(HttpStatusCode.OK, (await bed.PostSignedAsync(TeamsTestBed.Message("boom"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bed.PostSignedAsync(TeamsTestBed.Message("fine"))).StatusCode);

        Assert.Equal("fine", (await bed.Handler.NextActivityAsync()).Id);
    }

    private static async Task<TeamsConversationEntity> ConversationRowAsync(TeamsTestBed bed)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        return Assert.Single(await db.TeamsConversations.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
    }

    private static string InvokeWithEnvelope() => TeamsTestBed.Fixture(Envelope, node =>
    {
        var invoke = JsonNode.Parse(TeamsTestBed.Fixture("invoke_adaptive_card_action.json"))?.AsObject() ?? [];
        node["type"] = "invoke";
        node["name"] = invoke["name"]?.GetValue<string>();
        node["value"] = TeamsTestBed.Child(invoke, "value").DeepClone();
        node["id"] = "f:invoke-1";
        node.Remove("text");
    });

    /// <summary>Throws for the activity with id "boom", passes the rest to the recorder.</summary>
    private sealed class ThrowingOnceHandler(RecordingTeamsActivityHandler inner) : ITeamsActivityHandler
    {
        public Task<InvokeResult> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken) =>
            inner.HandleInvokeAsync(activity, cancellationToken);

        public Task HandleActivityAsync(TeamsActivity activity, CancellationToken cancellationToken) =>
            activity.Id == "boom" ? throw new InvalidOperationException("feature failed") : inner.HandleActivityAsync(activity, cancellationToken);
    }
}
