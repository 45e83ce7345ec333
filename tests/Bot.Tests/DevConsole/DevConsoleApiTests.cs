using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.DevConsole;

/// <summary>The console's JSON API on the real bot and PostgreSQL: seeding, typing, clicking in both renderings, bad input.</summary>
public sealed partial class DevConsoleApiTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Enabled = new() { ["DevConsole:Enabled"] = "true" };

    private string _db = string.Empty;

    public async ValueTask InitializeAsync() => _db = await server.CreateMigratedDatabaseAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Seeding_IsIdempotentAcrossRestarts()
    {
        List<ConsolePerson> first;
        await using (var app = new MicroMoveApp(_db, Enabled))
        {
            first = await PeopleAsync(app.CreateClient());
        }

        await using (var again = new MicroMoveApp(_db, Enabled))
        {
            var second = await PeopleAsync(again.CreateClient());
            Assert.Equal(first.Select(p => p.Id), second.Select(p => p.Id));
        }

        Assert.Equal(["Ada", "Grace", "Linus"], first.Select(p => p.Name));
        Assert.Equal(["Europe/Berlin", "America/New_York", "Asia/Kathmandu"], first.Select(p => p.TimeZone));
        await using var db = PromptWorld.Db(_db);
        var workspace = Assert.Single(await db.Workspaces.Where(w => w.Platform == ChatPlatform.Console).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("console", workspace.ExternalId);
        Assert.Equal("Dev console", workspace.Name);
        Assert.Equal(3, await db.People.CountAsync(p => p.WorkspaceId == workspace.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SayNowHips_PostsThePersonsLineAndAnInstantSet()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];

        var messages = await SayAsync(client, ada, "now hips");

        Assert.Equal(2, messages.Count);
        Assert.True(messages[0].FromPerson);
        Assert.Equal("now hips", messages[0].FallbackText);
        Assert.False(messages[1].FromPerson);
        Assert.Equal("movement-prompt", messages[1].Kind);
        Assert.Contains("hips", messages[1].FallbackText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Object, messages[1].Slack?.ValueKind);
        Assert.Equal("AdaptiveCard", messages[1].Teams?.GetProperty("type").GetString());

        // The instant set knows where it was posted, so a typed "done" updates it in place.
        await using var db = PromptWorld.Db(_db);
        var set = await db.PromptDeliveries.SingleAsync(d => d.PersonId == ada.Id, TestContext.Current.CancellationToken);
        Assert.Equal(messages[1].Id, set.PlatformMessageRef);
    }

    [Fact]
    public async Task DoneThroughTheSlackRendering_LogsTheSetAndUpdatesTheMessage()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];
        var prompt = (await SayAsync(client, ada, "now hips"))[^1];
        var button = FindAll(JsonNode.Parse(prompt.Slack?.GetRawText() ?? "{}"), "action_id")
            .Single(b => (string?)b["action_id"] == SlackActionIds.For(ActionKind.Done));

        var response = await client.PostAsJsonAsync(
            "/dev/api/actions",
            new { personId = ada.Id, messageId = prompt.Id, platform = "slack", actionId = (string?)button["action_id"], value = (string?)button["value"] },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await LogAsync(client, ada));
        var updated = (await MessagesAsync(client, ada)).Single(m => m.Id == prompt.Id);
        Assert.Equal("set-done", updated.Kind);
    }

    [Fact]
    public async Task DoneThroughTheTeamsRendering_ThenAFatigueRating_IsOneLogEntryWithTheRating()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var grace = (await PeopleAsync(client))[1];
        var prompt = (await SayAsync(client, grace, "now"))[^1];

        await TeamsActionAsync(client, grace, prompt, TeamsVerbs.For(ActionKind.Done), value: null);
        var done = (await MessagesAsync(client, grace)).Single(m => m.Id == prompt.Id);
        Assert.Equal("set-done", done.Kind);
        await TeamsActionAsync(client, grace, done, TeamsVerbs.For(ActionKind.RateAfter), value: 2);

        var entry = Assert.Single(await LogAsync(client, grace));
        Assert.Equal((short)2, entry.FatigueAfter);
        Assert.NotEmpty(entry.Movements);
    }

    [Fact]
    public async Task JumpToNextSlot_DeliversThePromptAtOnce()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var linus = (await PeopleAsync(client))[2];

        var response = await client.PostAsJsonAsync("/dev/api/clock/next-slot", new { personId = linus.Id }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prompt = Assert.Single(await MessagesAsync(client, linus));
        Assert.Equal("movement-prompt", prompt.Kind);
        var clock = await client.GetFromJsonAsync<JsonElement>("/dev/api/clock", TestContext.Current.CancellationToken);
        Assert.True(clock.GetProperty("now").GetDateTimeOffset() >= linus.NextPromptAt);

        var reset = await client.PostAsync("/dev/api/clock/reset", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("00:00:00", (await reset.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("offset").GetString());
    }

    [Fact]
    public async Task JumpToFridayEvening_BringsTheEndOfDaySetAndTheWeeklySummary()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];

        var response = await client.PostAsJsonAsync("/dev/api/clock/friday-evening", new { personId = ada.Id }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await MessagesAsync(client, ada);
        Assert.Contains(messages, m => m.Kind == "movement-prompt" && m.FallbackText.StartsWith("End of day", StringComparison.Ordinal));
        var summary = Assert.Single(messages, m => m.Kind == "weekly-summary");
        Assert.Contains("/charts/", summary.Slack?.GetRawText(), StringComparison.Ordinal);
        var clock = await client.GetFromJsonAsync<JsonElement>("/dev/api/clock", TestContext.Current.CancellationToken);
        var berlin = TimeZoneInfo.ConvertTime(clock.GetProperty("now").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((DayOfWeek.Friday, 17, 31), (berlin.DayOfWeek, berlin.Hour, berlin.Minute));
    }

    [Theory]
    [InlineData("/dev/api/actions", "{not json")]
    [InlineData("/dev/api/actions", "null")]
    [InlineData("/dev/api/actions", """{"platform":"email","actionId":"x","value":"|1"}""")]
    [InlineData("/dev/api/actions", """{"platform":"slack","actionId":"someone_elses_button","value":"|1"}""")]
    [InlineData("/dev/api/actions", """{"platform":"slack","actionId":"mm_done","value":""}""")]
    [InlineData("/dev/api/actions", """{"platform":"teams","verb":"done","data":"not an object"}""")]
    [InlineData("/dev/api/actions", """{"platform":"teams","verb":"done","data":{"reference":"abc"},"personId":"00000000-0000-0000-0000-000000000001"}""")]
    [InlineData("/dev/api/conversations/not-a-guid/say", """{"text":"help"}""")]
    [InlineData("/dev/api/conversations/00000000-0000-0000-0000-000000000001/say", """{"text":"help"}""")]
    [InlineData("/dev/api/clock/next-slot", """{"personId":"00000000-0000-0000-0000-000000000001"}""")]
    [InlineData("/dev/api/clock/friday-evening", "[]")]
    public async Task BadInput_Is400WithAReason(string path, string body)
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();

        var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task EmptyText_Is400()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];

        var response = await client.PostAsJsonAsync($"/dev/api/conversations/{ada.Id}/say", new { text = "  " }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("slack", "/micromove ")]
    [InlineData("teams", "")]
    public async Task Samples_HaveEveryMessageSample(string platform, string prefix)
    {
        await using var app = new MicroMoveApp(_db, Enabled);

        var samples = await app.CreateClient().GetFromJsonAsync<Dictionary<string, JsonElement>>($"/dev/samples/{platform}", TestContext.Current.CancellationToken);

        Assert.NotNull(samples);
        Assert.Equal(MessageSamples.All(prefix).Keys.Order(StringComparer.Ordinal), samples.Keys.Order(StringComparer.Ordinal));
        Assert.All(samples.Values, payload => Assert.Equal(JsonValueKind.Object, payload.ValueKind));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dev/api/people")]
    [InlineData("/dev/api/clock")]
    [InlineData("/dev/samples/slack")]
    [InlineData("/dev/samples/teams")]
    public async Task Disabled_Is404(string path)
    {
        await using var app = new MicroMoveApp(_db, new Dictionary<string, string?> { ["DevConsole:Enabled"] = "false" });

        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ThePage_AndItsVendoredRenderer_AreServed()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();

        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var renderer = await client.GetAsync("/console/adaptivecards.min.js", TestContext.Current.CancellationToken);

        Assert.Contains("/console/adaptivecards.min.js", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renderer.StatusCode);
        Assert.Equal("text/javascript", renderer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/missing.js", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task TeamsActionAsync(HttpClient client, ConsolePerson person, ConsoleMessage message, string verb, int? value)
    {
        var action = FindAll(JsonNode.Parse(message.Teams?.GetRawText() ?? "{}"), "verb")
            .First(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == verb
                && (value is null || (int?)a["data"]?["value"] == value));
        var response = await client.PostAsJsonAsync(
            "/dev/api/actions",
            new { personId = person.Id, messageId = message.Id, platform = "teams", verb, data = action["data"] },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static IEnumerable<JsonObject> FindAll(JsonNode? node, string property) => node switch
    {
        JsonObject o => (o.ContainsKey(property) ? [o] : Enumerable.Empty<JsonObject>()).Concat(o.SelectMany(p => FindAll(p.Value, property))),
        JsonArray a => a.SelectMany(n => FindAll(n, property)),
        _ => [],
    };

    [Fact]
    public async Task Week_ShowsThisWeeksFiguresAndAChartServedByTheSameServer()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];
        var prompt = (await SayAsync(client, ada, "now"))[^1];
        await TeamsActionAsync(client, ada, prompt, TeamsVerbs.For(ActionKind.Done), value: null);

        var week = await client.GetFromJsonAsync<ConsoleWeek>($"/dev/api/people/{ada.Id}/week", TestContext.Current.CancellationToken);

        Assert.NotNull(week);
        Assert.Equal("Your week so far", week.Title);
        Assert.Contains(week.Facts, f => f.Label == "Sets done" && f.Value.StartsWith('1'));
        Assert.NotEmpty(week.Advice);
        Assert.StartsWith("/charts/", week.ChartPath, StringComparison.Ordinal);
        var chart = await client.GetAsync(new Uri(week.ChartPath ?? string.Empty, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/dev/api/people/{Guid.NewGuid()}/week", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<List<ConsolePerson>> PeopleAsync(HttpClient client) =>
        await client.GetFromJsonAsync<List<ConsolePerson>>("/dev/api/people", TestContext.Current.CancellationToken) ?? [];

    private static async Task<List<ConsoleMessage>> SayAsync(HttpClient client, ConsolePerson person, string text)
    {
        var response = await client.PostAsJsonAsync($"/dev/api/conversations/{person.Id}/say", new { text }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MessagesAsync(client, person);
    }

    private static async Task<List<ConsoleMessage>> MessagesAsync(HttpClient client, ConsolePerson person) =>
        await client.GetFromJsonAsync<List<ConsoleMessage>>(
            $"/dev/api/conversations/{Uri.EscapeDataString(person.ConversationId)}/messages", TestContext.Current.CancellationToken) ?? [];

    private static async Task<List<ConsoleLogEntry>> LogAsync(HttpClient client, ConsolePerson person) =>
        await client.GetFromJsonAsync<List<ConsoleLogEntry>>($"/dev/api/people/{person.Id}/log", TestContext.Current.CancellationToken) ?? [];

    private sealed record ConsolePerson(Guid Id, string Name, string TimeZone, string ConversationId, DateTimeOffset? NextPromptAt);

    private sealed record ConsoleMessage(string Id, string Kind, bool FromPerson, string FallbackText, JsonElement? Slack, JsonElement? Teams);

    private sealed record ConsoleWeek(string Title, IReadOnlyList<ConsoleFact> Facts, IReadOnlyList<string> Advice, string? ChartPath);

    private sealed record ConsoleFact(string Label, string Value);

    private sealed record ConsoleLogEntry(IReadOnlyList<string> Movements, short? FatigueBefore, short? FatigueAfter);
}
