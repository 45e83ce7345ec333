using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Tests.Support;

namespace MicroMove.Bot.Tests.DevConsole;

/// <summary>Editing a console person's schedule through the console API, on the same features as Slack and Teams.</summary>
public sealed class DevConsoleScheduleTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Enabled = new() { ["DevConsole:Enabled"] = "true" };

    private string _db = string.Empty;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await server.CreateMigratedDatabaseAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SaySchedule_ThenSaveThroughTheTeamsCard_ChangesTheScheduleAndShowsSavedInPlace()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = await PersonAsync(client, "Ada");

        var form = (await SayAsync(client, ada, "/micromove schedule"))[^1];
        Assert.Equal("schedule-settings", form.Kind);
        var save = SaveAction(form);
        var data = save["data"]?.DeepClone().AsObject() ?? [];
        foreach (var input in JsonWalk.Objects(Card(form)).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && o["value"] is not null))
        {
            data[(string?)input["id"] ?? string.Empty] = input["value"]?.ToString();
        }

        data[ScheduleForm.Start] = "08:00";
        data[ScheduleForm.Zone] = "Europe/Lisbon";
        data[ScheduleForm.RoutineField(Domain.Catalogue.RoutineKind.AfterLunch)] = ScheduleForm.Off;
        var response = await ActAsync(client, ada, form.Id, (string?)save["verb"], data);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await PersonAsync(client, "Ada");
        Assert.Equal("Europe/Lisbon", after.TimeZone);
        Assert.Equal("08:00:00", after.Schedule.GetProperty("dayStart").GetString());
        Assert.DoesNotContain("after-lunch", after.Schedule.GetProperty("routines").EnumerateArray().Select(r => r.GetString()));
        Assert.NotNull(after.NextPromptAt);
        var messages = await MessagesAsync(client, ada);
        var saved = messages.Single(m => m.Id == form.Id);
        Assert.StartsWith("Schedule saved ✓", saved.FallbackText, StringComparison.Ordinal);
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task SaveWithAnEndBeforeTheStart_ShowsTheErrorInPlace_AndKeepsTheSchedule()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var grace = await PersonAsync(client, "Grace");
        var form = (await SayAsync(client, grace, "schedule"))[^1];
        var save = SaveAction(form);
        var data = save["data"]?.DeepClone().AsObject() ?? [];
        data[ScheduleForm.Days] = "Monday";
        data[ScheduleForm.Start] = "18:00";
        data[ScheduleForm.End] = "08:00";
        data[ScheduleForm.Lunch] = "12:00";
        data[ScheduleForm.Zone] = "America/New_York";

        var response = await ActAsync(client, grace, form.Id, (string?)save["verb"], data);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = (await MessagesAsync(client, grace)).Single(m => m.Id == form.Id);
        Assert.Contains("before it starts", shown.FallbackText, StringComparison.Ordinal);
        Assert.Contains(JsonWalk.OfType(Card(shown), "TextBlock"), t => (string?)t["color"] == "attention");
        var after = await PersonAsync(client, "Grace");
        Assert.Equal(grace.Schedule.GetRawText(), after.Schedule.GetRawText());
        Assert.Equal(grace.NextPromptAt, after.NextPromptAt);
    }

    [Fact]
    public async Task EditScheduleInTheSlackRendering_TurnsTheMessageBackIntoTheForm()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var linus = await PersonAsync(client, "Linus");
        var form = (await SayAsync(client, linus, "schedule"))[^1];
        var save = SaveAction(form);
        var data = save["data"]?.DeepClone().AsObject() ?? [];
        foreach (var (id, value) in new[] { (ScheduleForm.Days, "Sunday,Monday"), (ScheduleForm.Start, "10:00"), (ScheduleForm.End, "18:00"), (ScheduleForm.Lunch, "13:00"), (ScheduleForm.Zone, "Asia/Kathmandu") })
        {
            data[id] = value;
        }

        await ActAsync(client, linus, form.Id, (string?)save["verb"], data);
        var saved = (await MessagesAsync(client, linus)).Single(m => m.Id == form.Id);
        var button = JsonWalk.OfType(JsonNode.Parse(saved.Slack.GetRawText()), "button").Single();
        Assert.Equal(SlackActionIds.OpenSettings, (string?)button["action_id"]);

        var response = await client.PostAsJsonAsync(
            "/dev/api/actions",
            new { personId = linus.Id, messageId = form.Id, platform = "slack", actionId = (string?)button["action_id"], value = (string?)button["value"] },
            Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = (await MessagesAsync(client, linus)).Single(m => m.Id == form.Id);
        Assert.Equal(TeamsVerbs.SaveSchedule, (string?)SaveAction(again)["verb"]);
        Assert.Equal("Monday,Sunday", (string?)JsonWalk.Objects(Card(again)).Single(o => (string?)o["id"] == ScheduleForm.Days)["value"]);
    }

    private static JsonObject Card(ConsoleMessage message) => JsonNode.Parse(message.Teams.GetRawText())?.AsObject() ?? [];

    private static JsonObject SaveAction(ConsoleMessage message) =>
        JsonWalk.OfType(Card(message), "Action.Execute").Single(a => (string?)a["verb"] == TeamsVerbs.SaveSchedule);

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, ConsolePerson person, string messageId, string? verb, JsonObject data) =>
        client.PostAsJsonAsync("/dev/api/actions", new { personId = person.Id, messageId, platform = "teams", verb, data }, Cancel);

    private static async Task<ConsolePerson> PersonAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<List<ConsolePerson>>("/dev/api/people", Cancel) ?? []).Single(p => p.Name == name);

    private static async Task<List<ConsoleMessage>> SayAsync(HttpClient client, ConsolePerson person, string text)
    {
        var response = await client.PostAsJsonAsync($"/dev/api/conversations/{person.Id}/say", new { text }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MessagesAsync(client, person);
    }

    private static async Task<List<ConsoleMessage>> MessagesAsync(HttpClient client, ConsolePerson person) =>
        await client.GetFromJsonAsync<List<ConsoleMessage>>($"/dev/api/conversations/{Uri.EscapeDataString(person.ConversationId)}/messages", Cancel) ?? [];

    private sealed record ConsolePerson(Guid Id, string Name, string TimeZone, string ConversationId, DateTimeOffset? NextPromptAt, JsonElement Schedule);

    private sealed record ConsoleMessage(string Id, string Kind, string FallbackText, JsonElement Slack, JsonElement Teams);
}
