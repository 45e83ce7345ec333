using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Challenges;

/// <summary>
/// A team challenge in the dev console's #team channel, through the console API on the real bot and
/// PostgreSQL: typed start, Join pressed (twice) in both renderings, and the daily board and the
/// results arriving through the real dispatch and delivery path when the clock jumps.
/// </summary>
public sealed class ConsoleChallengeTests(PostgresServer server) : IAsyncLifetime
{
    private const string Channel = "channel:team";
    private static readonly Dictionary<string, string?> Enabled = new() { ["DevConsole:Enabled"] = "true" };

    private string _db = string.Empty;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await server.CreateMigratedDatabaseAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task StartInTheChannel_JoinPressedTwice_DailyBoardAndResults_EachOnce()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var people = await client.GetFromJsonAsync<List<Person>>("/dev/api/people", Json, Cancel) ?? [];
        var ada = people.Single(p => p.Name == "Ada");
        var grace = people.Single(p => p.Name == "Grace");

        var started = await client.PostAsJsonAsync($"/dev/api/channels/{Channel}/say", new { personId = ada.Id, text = "challenge start Team Week days 2 goal 2" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        var messages = await MessagesAsync(client);
        Assert.Equal(["person:ada", "challenge-card"], messages.Select(m => m.Kind));
        var card = messages[1];
        Assert.Contains("Team Week", card.FallbackText, StringComparison.Ordinal);
        Assert.Contains("Ada", card.FallbackText, StringComparison.Ordinal);
        var join = JoinButton(card);

        // Grace presses Join twice (a double click, a retry): one participation, the same card in place.
        for (var press = 0; press < 2; press++)
        {
            var pressed = await client.PostAsJsonAsync("/dev/api/actions", new
            {
                personId = grace.Id, messageId = card.Id, platform = "slack", actionId = join.ActionId, value = join.Value,
            }, Cancel);
            Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        }

        // And once more through the Teams rendering of the same card.
        var verb = await client.PostAsJsonAsync("/dev/api/actions", new
        {
            personId = grace.Id, messageId = card.Id, platform = "teams", verb = "joinChallenge", data = new { reference = join.Value.TrimStart('|') },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, verb.StatusCode);

        messages = await MessagesAsync(client);
        Assert.Equal(2, messages.Count);
        Assert.Contains("Grace", messages[1].FallbackText, StringComparison.Ordinal);
        await using (var db = PromptWorld.Db(_db))
        {
            var challenge = await db.Challenges.AsNoTracking().SingleAsync(Cancel);
            Assert.Equal(2, await db.ChallengeParticipants.CountAsync(p => p.ChallengeId == challenge.Id, Cancel));
            Assert.Equal(card.Id, challenge.CardMessageRef);
        }

        // A typed join by someone already in is a kind no-op.
        await client.PostAsJsonAsync($"/dev/api/channels/{Channel}/say", new { personId = grace.Id, text = "challenge join" }, Cancel);
        Assert.Contains("already in", (await MessagesAsync(client))[^1].FallbackText, StringComparison.Ordinal);

        // Jump: the end of day one's board comes through dispatch → delivery → console gateway.
        var first = await client.PostAsync(new Uri("/dev/api/clock/challenge-update", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var boards = (await MessagesAsync(client)).Where(m => m.Kind == "challenge-card").ToList();
        Assert.Equal(2, boards.Count);
        Assert.Contains("day 1 of 2", boards[1].FallbackText, StringComparison.Ordinal);

        // Jump again: the last day's update is the results; the challenge ends.
        var last = await client.PostAsync(new Uri("/dev/api/clock/challenge-update", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        boards = [.. (await MessagesAsync(client)).Where(m => m.Kind == "challenge-card")];
        Assert.Equal(3, boards.Count);
        Assert.StartsWith("🏁 Results: Team Week", boards[2].FallbackText, StringComparison.Ordinal);
        Assert.Empty(FindJoin(boards[2].Slack));

        var after = await client.PostAsync(new Uri("/dev/api/clock/challenge-update", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);

        await using var read = PromptWorld.Db(_db);
        var deliveries = await read.PromptDeliveries.AsNoTracking().Where(d => d.ChallengeId != null).OrderBy(d => d.DueAt).ToListAsync(Cancel);
        Assert.Equal([DeliveryKind.ChallengeUpdate, DeliveryKind.ChallengeResults], deliveries.Select(d => d.Kind));
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.All(deliveries, d => Assert.Null(d.PersonId));
        var ended = await read.Challenges.AsNoTracking().SingleAsync(Cancel);
        Assert.False(ended.Active);
        Assert.Null(ended.NextUpdateAt);
        Assert.Equal(boards[2].Id, ended.CardMessageRef);
    }

    [Fact]
    public async Task StartInADirectChat_IsAskedToUseTheChannel_AndNothingIsCreated()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await client.GetFromJsonAsync<List<Person>>("/dev/api/people", Json, Cancel) ?? [])[0];

        await client.PostAsJsonAsync($"/dev/api/conversations/{ada.Id}/say", new { text = "challenge start Sneaky" }, Cancel);

        var dm = await client.GetFromJsonAsync<List<Message>>($"/dev/api/conversations/dm:ada/messages", Json, Cancel) ?? [];
        Assert.Contains("in a channel", dm[^1].FallbackText, StringComparison.Ordinal);
        await using var db = PromptWorld.Db(_db);
        Assert.Equal(0, await db.Challenges.CountAsync(Cancel));
    }

    [Fact]
    public async Task SecondStart_AnswersWithTheRunningChallenge_AndOnlyTheStarterCanEndIt()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var people = await client.GetFromJsonAsync<List<Person>>("/dev/api/people", Json, Cancel) ?? [];
        var ada = people.Single(p => p.Name == "Ada");
        var linus = people.Single(p => p.Name == "Linus");

        await SayInChannelAsync(client, ada, "challenge start First");
        await SayInChannelAsync(client, linus, "challenge start Second");
        Assert.Contains("already running", (await MessagesAsync(client))[^1].FallbackText, StringComparison.Ordinal);
        Assert.Contains("First", (await MessagesAsync(client))[^1].FallbackText, StringComparison.Ordinal);

        await SayInChannelAsync(client, linus, "challenge end");
        Assert.Contains("Only Ada", (await MessagesAsync(client))[^1].FallbackText, StringComparison.Ordinal);

        await SayInChannelAsync(client, ada, "challenge end");
        Assert.StartsWith("🏁 Results: First", (await MessagesAsync(client))[^1].FallbackText, StringComparison.Ordinal);

        await using var db = PromptWorld.Db(_db);
        var challenge = await db.Challenges.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal("First", challenge.Title);
        Assert.False(challenge.Active);
        Assert.NotNull(challenge.EndedAt);
    }

    [Fact]
    public async Task ChannelSay_BadInput_Is400_UnknownChannel404()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();

        var noPerson = await client.PostAsJsonAsync($"/dev/api/channels/{Channel}/say", new { text = "challenge" }, Cancel);
        var malformed = await client.PostAsync(new Uri($"/dev/api/channels/{Channel}/say", UriKind.Relative), new StringContent("{nope", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var unknown = await client.PostAsJsonAsync("/dev/api/channels/channel:elsewhere/say", new { personId = Guid.NewGuid(), text = "challenge" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, noPerson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task SayInChannelAsync(HttpClient client, Person person, string text)
    {
        var response = await client.PostAsJsonAsync($"/dev/api/channels/{Channel}/say", new { personId = person.Id, text }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<Message>> MessagesAsync(HttpClient client) =>
        await client.GetFromJsonAsync<List<Message>>($"/dev/api/conversations/{Channel}/messages", Json, Cancel) ?? [];

    private static (string ActionId, string Value) JoinButton(Message card) =>
        Assert.Single(FindJoin(card.Slack));

    /// <summary>The Join buttons of a Block Kit rendering: (action_id, value).</summary>
    private static List<(string ActionId, string Value)> FindJoin(JsonElement? blocks)
    {
        var found = new List<(string, string)>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("action_id", out var id) && id.GetString() == "mm_join_challenge")
                {
                    found.Add((id.GetString()!, element.GetProperty("value").GetString()!));
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        if (blocks is { } root)
        {
            Walk(root);
        }

        return found;
    }

    private sealed record Person(Guid Id, string Name);

    private sealed record Message(string Id, string Kind, bool FromPerson, string FallbackText, JsonElement? Slack, JsonElement? Teams);
}
