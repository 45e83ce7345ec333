using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Slack;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Challenges;

/// <summary>
/// Team challenges on Slack end to end: signed slash commands and block_actions through the real
/// pipeline, PostgreSQL, and a loopback fake of Slack's Web API and response_urls.
/// </summary>
public sealed class SlackChallengeTests(PostgresServer server) : IAsyncLifetime
{
    private const string Team = "T0MICRO";
    private const string BotToken = "xoxb-challenge-test";
    private const string Channel = "C0GENERAL";
    private const string HiddenChannel = "C0SECRET";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private FakeSlackApi? _slack;
    private MicroMoveApp? _app;
    private string _db = string.Empty;
    private int _posted;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeSlackApi Slack => _slack ?? throw new InvalidOperationException("not initialised");

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    private Uri ResponseUrl => new(Slack.BaseUrl, "commands/T0MICRO/1234/challenge-hook");

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _slack.Respond = Answer;
        _db = await server.CreateMigratedDatabaseAsync();
        _app = new MicroMoveApp(_db, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackRequestSigner.Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts"] = "hooks.slack.com,127.0.0.1",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }
    }

    [Fact]
    public async Task SlashStartInAChannel_PostsTheCardThere_JoinPressedTwice_OneParticipation_CardReplacedInPlace()
    {
        var client = App.CreateClient();
        var ack = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", Channel, "challenge start Stretch Squad days 3")), Cancel);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        var post = await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => (string?)Body(r)["channel"] == Channel), "the card in the channel");
        Assert.Equal($"Bearer {BotToken}", post.Authorization);
        var blocks = Body(post)["blocks"]?.AsArray() ?? [];
        Assert.Equal("header", (string?)blocks[0]?["type"]);
        Assert.StartsWith("🏆 Stretch Squad", (string?)blocks[0]?["text"]?["text"], StringComparison.Ordinal);
        var join = blocks.Select(b => b?["elements"] as JsonArray).OfType<JsonArray>().SelectMany(e => e).Single(e => (string?)e?["action_id"] == "mm_join_challenge");
        var messageTs = await EventuallyAsync(CardTsAsync, "the card's place recorded");

        await using (var db = PromptWorld.Db(_db))
        {
            var challenge = await db.Challenges.AsNoTracking().SingleAsync(Cancel);
            Assert.Equal(Channel, challenge.ChannelId);
            Assert.Equal(3, challenge.Days);
            Assert.StartsWith($"{Channel}|1700000099.", challenge.CardMessageRef, StringComparison.Ordinal);
        }

        // Bob presses Join twice (a double click; Slack may also retry): the block_actions shape of the fixture.
        for (var press = 0; press < 2; press++)
        {
            var response = await client.SendAsync(SlackRequestSigner.Form("/slack/interactions", JoinPress("U0BOB", messageTs, (string?)join?["value"] ?? string.Empty)), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var replaced = await EventuallyAsync(() => ResponseUrlCalls().Count >= 2 ? ResponseUrlCalls() : null, "both presses answered");
        Assert.All(replaced, call =>
        {
            Assert.True((bool?)Body(call)["replace_original"]);
            Assert.Contains("mm_join_challenge", call.Body, StringComparison.Ordinal);
            Assert.Contains("Bob", call.Body, StringComparison.Ordinal);
        });

        await using var read = PromptWorld.Db(_db);
        var participants = await read.ChallengeParticipants.AsNoTracking().Include(p => p.Person).ToListAsync(Cancel);
        Assert.Equal(["U0ALICE", "U0BOB"], participants.Select(p => p.Person!.PlatformUserId).Order());
    }

    [Fact]
    public async Task SlashStart_InAChannelWithoutTheBot_AnswersEphemerallyHowToInviteIt()
    {
        var client = App.CreateClient();
        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", HiddenChannel, "challenge start Hidden")), Cancel);

        var answer = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the ephemeral answer");
        Assert.Equal("ephemeral", (string?)Body(answer)["response_type"]);
        Assert.Contains("/invite @MicroMove", (string?)Body(answer)["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashStart_InADirectMessage_ExplainsItBelongsInAChannel()
    {
        var client = App.CreateClient();
        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "D0ALICE", "challenge start Solo")), Cancel);

        var answer = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the ephemeral answer");
        Assert.Contains("live in a channel", (string?)Body(answer)["text"], StringComparison.Ordinal);
        await using var db = PromptWorld.Db(_db);
        Assert.Equal(0, await db.Challenges.CountAsync(Cancel));
    }

    [Fact]
    public async Task SomeoneFromAnotherWorkspace_CannotJoin_EvenWithTheCardsReference()
    {
        var client = App.CreateClient();
        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", Channel, "challenge start Ours")), Cancel);
        var challenge = await EventuallyAsync(async () =>
        {
            await using var db = PromptWorld.Db(_db);
            return await db.Challenges.AsNoTracking().SingleOrDefaultAsync(Cancel);
        }, "the challenge");

        var elsewhere = await PromptWorld.WorkspaceAsync(_db, externalId: "another-workspace");
        var stranger = (await PromptWorld.PeopleAsync(_db, elsewhere, 1, WorkSchedule.Default("Europe/Berlin"), null))[0];
        await using var scope = App.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<Conversations>()
            .HandleActionAsync(stranger, new ParsedAction(ActionKind.JoinChallenge, challenge.Id.ToString("N"), null), Cancel);

        Assert.Null(reply.Update);
        Assert.True(Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).IsCorrection);
        await using var read = PromptWorld.Db(_db);
        Assert.DoesNotContain(await read.ChallengeParticipants.AsNoTracking().ToListAsync(Cancel), p => p.PersonId == stranger.Id);
    }

    /// <summary>The ts of the challenge card, once its place is recorded.</summary>
    private async Task<string?> CardTsAsync()
    {
        await using var db = PromptWorld.Db(_db);
        var messageRef = await db.Challenges.AsNoTracking().Select(c => c.CardMessageRef).SingleOrDefaultAsync(Cancel);
        return messageRef?.Split('|') is [_, { Length: > 0 } ts] ? ts : null;
    }

    private string Command(string user, string channel, string text) =>
        $"token=ignored&team_id={Team}&team_domain=acme&channel_id={channel}&channel_name=general&user_id={user}&user_name=someone"
        + $"&command=%2Fmicromove&text={Uri.EscapeDataString(text)}&api_app_id=A1&is_enterprise_install=false"
        + $"&response_url={Uri.EscapeDataString(ResponseUrl.ToString())}&trigger_id=1234.5678.trigger";

    /// <summary>Slack's block_actions fixture, moved to our team, channel, card and Join button.</summary>
    private string JoinPress(string user, string messageTs, string value)
    {
        var payload = JsonNode.Parse(SlackFixtures.Text("block_actions.json"))?.AsObject() ?? throw new InvalidOperationException("fixture");
        payload["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" };
        payload["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = Team };
        payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = Channel, ["is_ephemeral"] = false };
        payload["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "general" };
        payload["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["bot_id"] = "B0BOT" };
        payload["response_url"] = ResponseUrl.ToString();
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = "mm_join_challenge",
            ["block_id"] = "mm_challenge_actions",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Join the challenge", ["emoji"] = true },
            ["value"] = value,
            ["style"] = "primary",
            ["type"] = "button",
            ["action_ts"] = "1700000100.000001",
        });
        return SlackFixtures.AsInteractionForm(payload.ToJsonString());
    }

    private FakeSlackResponse Answer(FakeSlackRequest request)
    {
        if (request.Path == ResponseUrl.AbsolutePath)
        {
            return FakeSlackResponse.Json("""{"ok":true}""");
        }

        var body = request.Body.StartsWith('{') ? JsonNode.Parse(request.Body) : null;
        var channel = body?["channel"]?.GetValue<string>();
        return request.Path switch
        {
            "/api/auth.test" => FakeSlackResponse.Json($$"""{"ok":true,"team":"Acme","team_id":"{{Team}}","user_id":"U0BOT","bot_id":"B0BOT"}"""),
            "/api/users.info" => FakeSlackResponse.Json(UserInfo(request.Body.Contains("U0BOB", StringComparison.Ordinal) ? "Bob" : "Alice")),
            "/api/conversations.open" => FakeSlackResponse.Json("""{"ok":true,"channel":{"id":"D0DM"} }"""),
            "/api/chat.postMessage" when channel == HiddenChannel => FakeSlackResponse.Json("""{"ok":false,"error":"not_in_channel"}"""),
            "/api/chat.postMessage" => FakeSlackResponse.Json(
                $$"""{"ok":true,"channel":"{{channel}}","ts":"1700000099.{{Interlocked.Increment(ref _posted).ToString("D6", CultureInfo.InvariantCulture)}}"}"""),
            "/api/chat.update" => FakeSlackResponse.Json($$"""{"ok":true,"channel":"{{channel}}","ts":"{{body?["ts"]}}"}"""),
            _ => FakeSlackResponse.Json("""{"ok":false,"error":"unknown_method"}"""),
        };
    }

    private static string UserInfo(string name) =>
        $$$"""{"ok":true,"user":{"id":"U0ANY","name":"someone","real_name":"{{{name}}}","tz":"Europe/Berlin","tz_offset":3600,"is_bot":false,"deleted":false}}""";

    private List<FakeSlackRequest> Calls(string method) => [.. Slack.Requests.Where(r => r.Path == $"/api/{method}")];

    private List<FakeSlackRequest> ResponseUrlCalls() => [.. Slack.Requests.Where(r => r.Path == ResponseUrl.AbsolutePath)];

    private static JsonNode Body(FakeSlackRequest request) =>
        JsonNode.Parse(request.Body) ?? throw new InvalidOperationException($"{request.Path} had no JSON body");

    private static Task<T> EventuallyAsync<T>(Func<T?> probe, string what)
        where T : class => EventuallyAsync(() => Task.FromResult(probe()), what);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(25, Cancel);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds:0} s.");
    }
}
