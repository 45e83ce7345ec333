using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Slack;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>
/// Slack end to end: signed requests through the real pipeline and the real conversation
/// handler, on a real PostgreSQL, against a loopback fake of Slack's Web API and response_urls.
/// Every outbound call is checked for method, token and body.
/// </summary>
public sealed partial class SlackConversationTests(PostgresServer server) : IAsyncLifetime
{
    private const string Team = "T0MICRO";
    private const string BotToken = "xoxb-conversation-test";
    private const string Dm = "D123";
    private const string PromptTs = "1700000000.000100";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private FakeSlackApi? _slack;
    private MicroMoveApp? _app;
    private string _db = string.Empty;
    private int _posted;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeSlackApi Slack => _slack ?? throw new InvalidOperationException("not initialised");

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    private Uri ResponseUrl => new(Slack.BaseUrl, "commands/T0MICRO/1234/secret-hook");

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
    public async Task SlashNow_IsAnsweredInTheAck_PostsTheSetToTheDm_AndCallsNoResponseUrl()
    {
        var client = App.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);

        var stopwatch = Stopwatch.StartNew();
        var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now")), Cancel);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"ack took {stopwatch.Elapsed}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var ackBody = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("ephemeral", (string?)ackBody?["response_type"]);
        Assert.Equal(SlackConversationHandler.OnItsWay, (string?)ackBody?["text"]);

        var set = await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal)), "the set in the DM");
        await EventuallyAsync(async () => (await PromptWorld.DeliveriesAsync(_db)).FirstOrDefault(d => d.PlatformMessageRef is not null), "the set's place in the DM");
        Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal));
        Assert.Empty(ResponseUrlCalls());
        Assert.Equal(Dm, (string?)Body(set)["channel"]);
        var open = Assert.Single(Calls("conversations.open"));
        Assert.Contains("U0ALICE", open.Body, StringComparison.Ordinal);
        // First contact: the time zone comes from users.info, and a welcome explains the basics.
        Assert.Single(Calls("users.info"));
        var welcome = Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("/micromove schedule", StringComparison.Ordinal));
        Assert.Equal(Dm, (string?)Body(welcome)["channel"]);
        AssertEveryApiCallCarriesTheBotToken();

        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(DeliveryKind.InstantSet, delivery.Kind);
        Assert.Matches(@"^D123\|1700000099\.\d{6}$", delivery.PlatformMessageRef);
        var person = Assert.Single(await PeopleAsync());
        Assert.Equal("Europe/Berlin", person.TimeZoneId);
        Assert.Equal(Dm, person.ConversationId);
    }

    [Fact]
    public async Task DoneThenRatedAfter_LogsOnce_AndReplacesThePrompt()
    {
        var (person, set) = await SentPromptAsync();
        var reference = set.Id.ToString("N");
        var client = App.CreateClient();

        var done = await client.SendAsync(SlackRequestSigner.Form("/slack/interactions", Interaction(person, $$"""
            {"action_id":"mm_done","block_id":"mm_prompt_actions","type":"button","value":"|{{reference}}","action_ts":"1700000001.000001"}
            """)), Cancel);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await EventuallyAsync(async () => (await LogAsync()).FirstOrDefault(), "the Done log entry");
        await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the Done update");

        var rated = await client.SendAsync(SlackRequestSigner.Form("/slack/interactions", Interaction(person, $$"""
            {"action_id":"mm_rate_after","block_id":"mm_rating","type":"static_select",
             "selected_option":{"text":{"type":"plain_text","text":"4"},"value":"4|{{reference}}"},"action_ts":"1700000002.000001"}
            """)), Cancel);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var entry = await EventuallyAsync(async () => (await LogAsync()).FirstOrDefault(e => e.FatigueAfter == 4), "the rating");
        Assert.Single(await LogAsync());
        Assert.Equal(set.Id, entry.DeliveryId);
        var updates = await EventuallyAsync(() => ResponseUrlCalls() is { Count: 2 } calls ? calls : null, "two message updates");
        foreach (var update in updates)
        {
            Assert.Equal(string.Empty, update.Authorization);
            Assert.True((bool?)Body(update)["replace_original"]);
            Assert.NotNull(Body(update)["blocks"]);
        }

        Assert.DoesNotContain("mm_done", updates[^1].Body, StringComparison.Ordinal);
        Assert.Empty(Calls("users.info"));
    }

    [Fact]
    public async Task DoneWithABeforeRatingInTheState_KeepsTheBeforeRating()
    {
        var (person, set) = await SentPromptAsync();
        var reference = set.Id.ToString("N");

        await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/interactions", Interaction(person, $$"""
            {"action_id":"mm_done","type":"button","value":"|{{reference}}"}
            """, state: $$"""
            {"values":{"mm_before":{"mm_rate_before":{"type":"static_select","selected_option":{"value":"2|{{reference}}"} } } } }
            """)), Cancel);

        var entry = await EventuallyAsync(async () => (await LogAsync()).FirstOrDefault(), "the Done log entry");
        Assert.Equal((short)2, entry.FatigueBefore);
    }

    [Fact]
    public async Task TypedReplyInTheDm_RetriedBySlack_IsLoggedOnce_AndUpdatesThePrompt()
    {
        var (person, _) = await SentPromptAsync();
        var client = App.CreateClient();
        var body = DirectMessage(person.PlatformUserId, "2 4", "EvTYPED24", "1700000050.000200");

        var first = await client.SendAsync(SlackRequestSigner.Json("/slack/events", body), Cancel);
        var retry = await client.SendAsync(SlackRequestSigner.Json("/slack/events", body, retryNum: 1), Cancel);
        // The same message re-delivered under another event id (seen in the wild) is still one answer.
        var again = await client.SendAsync(SlackRequestSigner.Json("/slack/events", DirectMessage(person.PlatformUserId, "2 4", "EvTYPED24b", "1700000050.000200")), Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var update = await EventuallyAsync(() => Calls("chat.update").FirstOrDefault(), "chat.update of the prompt");
        Assert.Equal(Dm, (string?)Body(update)["channel"]);
        Assert.Equal(PromptTs, (string?)Body(update)["ts"]);
        await EventuallyAsync(() => Calls("chat.update") is { Count: 2 } calls ? calls : null, "both deliveries handled");
        var entry = Assert.Single(await LogAsync());
        Assert.Equal((short)2, entry.FatigueBefore);
        Assert.Equal((short)4, entry.FatigueAfter);
        var confirmation = await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("Logged", StringComparison.Ordinal)), "the confirmation");
        Assert.Equal(Dm, (string?)Body(confirmation)["channel"]);
        AssertEveryApiCallCarriesTheBotToken();
    }

    [Fact]
    public async Task AppHomeOpened_FirstContact_WelcomesAndPublishesTheHomeView()
    {
        var response = await App.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", $$"""
            {"type":"event_callback","team_id":"{{Team}}","api_app_id":"A1","event_id":"EvHOME1","event_time":1700000000,
             "event":{"type":"app_home_opened","user":"U0BOB","channel":"D0BOB","tab":"home","event_ts":"1700000000.000001"} }
            """), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = await EventuallyAsync(() => Calls("views.publish").FirstOrDefault(), "views.publish");
        var body = Body(publish);
        Assert.Equal("U0BOB", (string?)body["user_id"]);
        Assert.Equal("home", (string?)body["view"]?["type"]);
        Assert.Contains("Monday to Friday, 09:00–17:30 (Europe/Berlin)", Readable(publish), StringComparison.Ordinal);
        foreach (var actionId in new[] { "mm_instant_set", "mm_pause", "mm_resume" })
        {
            Assert.Contains($"\"{actionId}\"", publish.Body, StringComparison.Ordinal);
        }

        Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("/micromove now", StringComparison.Ordinal));
        AssertEveryApiCallCarriesTheBotToken();
    }

    [Fact]
    public async Task HomePauseButton_PausesAnHour_AndRepublishesTheHome()
    {
        var (person, _) = await SentPromptAsync();

        await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/interactions", SlackFixtures.AsInteractionForm($$"""
            {"type":"block_actions","user":{"id":"{{person.PlatformUserId}}","team_id":"{{Team}}"},"team":{"id":"{{Team}}"},
             "container":{"type":"view","view_id":"V1"},"view":{"id":"V1","type":"home"},"trigger_id":"1.2.3",
             "actions":[{"action_id":"mm_pause","type":"button","value":"60|home"}]}
            """)), Cancel);

        var publish = await EventuallyAsync(() => Calls("views.publish").FirstOrDefault(), "views.publish");
        Assert.Contains("paused until", publish.Body, StringComparison.Ordinal);
        var paused = await PromptWorld.PersonAsync(_db, person.Id);
        Assert.NotNull(paused.PausedUntil);
        Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("Paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppMention_IsACommand_TheSetGoesToTheDm_AndTheChannelGetsAThreadReply()
    {
        var (person, _) = await SentPromptAsync();

        await App.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", $$"""
            {"type":"event_callback","team_id":"{{Team}}","api_app_id":"A1","event_id":"EvMENTION1","event_time":1700000070,
             "event":{"type":"app_mention","user":"{{person.PlatformUserId}}","channel":"C0GENERAL","text":"<@U0BOT> now neck","ts":"1700000070.000300","event_ts":"1700000070.000300"} }
            """), Cancel);

        var thread = await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("C0GENERAL", StringComparison.Ordinal)), "the thread reply");
        Assert.Equal("1700000070.000300", (string?)Body(thread)["thread_ts"]);
        Assert.Contains("Sent to your DM", Readable(thread), StringComparison.Ordinal);
        var set = Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal));
        Assert.Equal(Dm, (string?)Body(set)["channel"]);
        Assert.Contains("neck", Readable(set), StringComparison.Ordinal);
        AssertEveryApiCallCarriesTheBotToken();
    }

    [Fact]
    public async Task UnknownSubcommand_AnswersWithACorrectionAndTheHelp()
    {
        await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "banana")), Cancel);

        var answer = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the response_url answer");
        var body = Body(answer);
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("banana", answer.Body, StringComparison.Ordinal);
        Assert.Contains("MicroMove help", answer.Body, StringComparison.Ordinal);
        Assert.Contains("/micromove now", answer.Body, StringComparison.Ordinal);
        Assert.Empty(await PromptWorld.DeliveriesAsync(_db));
    }

    [Fact]
    public async Task UnknownTeam_GetsAnInstallHint_AndCallsNoWebApiMethodButAuthTest()
    {
        await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now", team: "T0OTHER")), Cancel);

        var answer = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the response_url answer");
        Assert.Contains("install", answer.Body, StringComparison.Ordinal);
        Assert.All(Slack.Requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)), r => Assert.Equal("/api/auth.test", r.Path));
    }

    [Fact]
    public async Task ScheduleCommand_OpensTheDialog_AndASubmissionIsValidatedThenSaved()
    {
        var (person, _) = await SentPromptAsync();
        var client = App.CreateClient();

        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command(person.PlatformUserId, "schedule")), Cancel);

        var open = await EventuallyAsync(() => Calls("views.open").FirstOrDefault(), "views.open");
        var view = Body(open)["view"];
        Assert.Equal("1234.5678.trigger", (string?)Body(open)["trigger_id"]);
        Assert.Equal(SlackScheduleModal.CallbackId, (string?)view?["callback_id"]);
        Assert.Contains("\"initial_time\":\"09:00\"", open.Body, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", open.Body, StringComparison.Ordinal);
        Assert.Empty(ResponseUrlCalls());

        var invalid = await SubmitScheduleAsync(person, start: "17:00", end: "09:00", zone: "Mars/Olympus_Mons");
        var errors = invalid?["errors"];
        Assert.Equal("errors", (string?)invalid?["response_action"]);
        Assert.Contains("not a time zone", (string?)errors?["zone"], StringComparison.Ordinal);
        Assert.Contains("before it starts", (string?)errors?["end"], StringComparison.Ordinal);

        var valid = await SubmitScheduleAsync(person, start: "08:00", end: "16:00", zone: "America/New_York");
        Assert.Null(valid);
        var saved = await PromptWorld.PersonAsync(_db, person.Id);
        Assert.Equal("America/New_York", saved.TimeZoneId);
        Assert.Equal(new TimeOnly(8, 0), saved.Schedule.DayStart);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], saved.Schedule.WorkDays);
        Assert.Equal(["start-of-day", "end-of-day"], saved.Schedule.Routines);

        // Recurring meetings: refused inline when they cannot be read, stored when they can.
        var badMeeting = await SubmitScheduleAsync(person, start: "08:00", end: "16:00", zone: "America/New_York", meetings: "9.30 Mon");
        Assert.Equal("errors", (string?)badMeeting?["response_action"]);
        Assert.Contains("“9.30” is not a time", (string?)badMeeting?["errors"]?["meetings"], StringComparison.Ordinal);
        Assert.Null(await SubmitScheduleAsync(person, start: "08:00", end: "16:00", zone: "America/New_York", meetings: "09:30 Mon, 14:00"));
        var withMeetings = await PromptWorld.PersonAsync(_db, person.Id);
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(14, 0)], withMeetings.Schedule.Meetings.Select(m => m.Start));
        Assert.Equal([DayOfWeek.Monday], withMeetings.Schedule.Meetings[0].Days);
        Assert.Null(withMeetings.Schedule.Meetings[1].Days);
    }

    [Fact]
    public async Task ScheduleInTheDm_DescribesTheSchedule_WithAButtonThatOpensTheDialog()
    {
        var (person, _) = await SentPromptAsync();
        var client = App.CreateClient();

        await client.SendAsync(SlackRequestSigner.Json("/slack/events", DirectMessage(person.PlatformUserId, "schedule", "EvSCHEDULE1", "1700000060.000100")), Cancel);

        var posted = await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(), "the schedule message");
        Assert.Contains("Monday to Friday, 09:00–17:30 (Europe/Berlin)", Readable(posted), StringComparison.Ordinal);
        var button = Body(posted)["blocks"]?[0]?["accessory"];
        Assert.Equal("mm_open_settings", (string?)button?["action_id"]);

        await client.SendAsync(SlackRequestSigner.Form("/slack/interactions", Interaction(person, $$"""
            {"action_id":"mm_open_settings","block_id":"b1","type":"button","value":"{{button?["value"]}}","action_ts":"1700000061.000001"}
            """)), Cancel);

        var open = await EventuallyAsync(() => Calls("views.open").FirstOrDefault(), "views.open");
        Assert.Equal(SlackScheduleModal.CallbackId, (string?)Body(open)["view"]?["callback_id"]);
        Assert.Equal("1.2.3", (string?)Body(open)["trigger_id"]);
    }

    private async Task<JsonNode?> SubmitScheduleAsync(PersonEntity person, string start, string end, string zone, string? meetings = null)
    {
        var meetingsBlock = meetings is null ? string.Empty : $$""","meetings":{"meetings":{"type":"plain_text_input","value":"{{meetings}}"} }""";
        var payload = $$"""
            {"type":"view_submission","user":{"id":"{{person.PlatformUserId}}","team_id":"{{Team}}"},"team":{"id":"{{Team}}"},"trigger_id":"9.9.9",
             "view":{"id":"V9","type":"modal","callback_id":"mm_schedule","state":{"values":{
               "days":{"days":{"type":"checkboxes","selected_options":[{"value":"Monday"},{"value":"Tuesday"}]} },
               "start":{"start":{"type":"timepicker","selected_time":"{{start}}"} },
               "end":{"end":{"type":"timepicker","selected_time":"{{end}}"} },
               "zone":{"zone":{"type":"static_select","selected_option":{"value":"{{zone}}"} } },
               "lunch":{"lunch":{"type":"timepicker","selected_time":"12:00"} },
               "routines":{"routines":{"type":"checkboxes","selected_options":[{"value":"start-of-day"},{"value":"end-of-day"}]} }{{meetingsBlock}} } } } }
            """;
        var response = await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/interactions", SlackFixtures.AsInteractionForm(payload)), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>A Slack workspace (created the single-workspace way), one person in it, and a prompt delivered at PromptTs in their DM.</summary>
    private async Task<(PersonEntity Person, PromptDeliveryEntity Set)> SentPromptAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>().GetSingleWorkspaceTokenAsync(Cancel));
        }

        await using var db = PromptWorld.Db(_db);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Platform == ChatPlatform.Slack && w.ExternalId == Team, Cancel);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, WorkSchedule.Default("Europe/Berlin"), null))[0];
        var now = TimeProvider.System.GetUtcNow();
        var set = new PromptDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            WorkspaceId = workspace.Id,
            Kind = DeliveryKind.Prompt,
            SlotKey = "test/start-of-day",
            Routine = "start-of-day",
            DueAt = now,
            Movements = [new DeliveredMovement("ankle-pumps", 12), new DeliveredMovement("arm-windmills", 5)],
            Status = DeliveryStatus.Sent,
            SentAt = now,
            PlatformMessageRef = $"{Dm}|{PromptTs}",
            CreatedAt = now,
        };
        db.PromptDeliveries.Add(set);
        await db.SaveChangesAsync(Cancel);
        Slack.Requests.Clear();
        return (person, set);
    }

    private string Command(string user, string text, string team = Team, string channel = "C0GENERAL") =>
        $"token=ignored&team_id={team}&team_domain=acme&channel_id={channel}&channel_name=general&user_id={user}&user_name=someone"
        + $"&command=%2Fmicromove&text={Uri.EscapeDataString(text)}&api_app_id=A1&is_enterprise_install=false"
        + $"&response_url={Uri.EscapeDataString(ResponseUrl.ToString())}&trigger_id=1234.5678.trigger";

    private string Interaction(PersonEntity person, string action, string state = """{"values":{}}""") =>
        SlackFixtures.AsInteractionForm($$"""
            {"type":"block_actions","user":{"id":"{{person.PlatformUserId}}","username":"p","team_id":"{{Team}}"},"api_app_id":"A1",
             "team":{"id":"{{Team}}","domain":"acme"},"trigger_id":"1.2.3",
             "container":{"type":"message","message_ts":"{{PromptTs}}","channel_id":"{{Dm}}","is_ephemeral":false},
             "channel":{"id":"{{Dm}}","name":"directmessage"},"message":{"type":"message","ts":"{{PromptTs}}"},
             "response_url":"{{ResponseUrl}}","state":{{state}},"actions":[{{action}}]}
            """);

    private static string DirectMessage(string user, string text, string eventId, string ts) => $$"""
        {"type":"event_callback","team_id":"{{Team}}","api_app_id":"A1","event_id":"{{eventId}}","event_time":1700000050,
         "event":{"type":"message","channel_type":"im","user":"{{user}}","channel":"{{Dm}}","text":"{{text}}","ts":"{{ts}}","event_ts":"{{ts}}"},
         "authorizations":[{"team_id":"{{Team}}","user_id":"U0BOT","is_bot":true}]}
        """;

    private FakeSlackResponse Answer(FakeSlackRequest request)
    {
        if (request.Path == ResponseUrl.AbsolutePath)
        {
            return FakeSlackResponse.Json("""{"ok":true}""");
        }

        var body = request.Body.StartsWith('{') ? JsonNode.Parse(request.Body) : null;
        return request.Path switch
        {
            "/api/auth.test" => FakeSlackResponse.Json($$"""{"ok":true,"team":"Acme","team_id":"{{Team}}","user_id":"U0BOT","bot_id":"B0BOT"}"""),
            "/api/users.info" => FakeSlackResponse.Json("""{"ok":true,"user":{"id":"U0ANY","name":"alice","real_name":"Alice","tz":"Europe/Berlin","tz_offset":3600,"is_bot":false,"deleted":false}}"""),
            "/api/conversations.open" => FakeSlackResponse.Json($$"""{"ok":true,"channel":{"id":"{{Dm}}"} }"""),
            "/api/chat.postMessage" => FakeSlackResponse.Json(
                $$"""{"ok":true,"channel":"{{(body?["channel"]?.GetValue<string>() is { } c && !c.StartsWith('U') ? c : Dm)}}","ts":"1700000099.{{Interlocked.Increment(ref _posted).ToString("D6", CultureInfo.InvariantCulture)}}"}"""),
            "/api/chat.update" => FakeSlackResponse.Json($$"""{"ok":true,"channel":"{{body?["channel"]}}","ts":"{{body?["ts"]}}"}"""),
            "/api/views.publish" or "/api/views.open" => FakeSlackResponse.Json("""{"ok":true,"view":{"id":"V1","hash":"h1"}}"""),
            _ => FakeSlackResponse.Json("""{"ok":false,"error":"unknown_method"}"""),
        };
    }

    private List<FakeSlackRequest> Calls(string method) => [.. Slack.Requests.Where(r => r.Path == $"/api/{method}")];

    private List<FakeSlackRequest> ResponseUrlCalls() => [.. Slack.Requests.Where(r => r.Path == ResponseUrl.AbsolutePath)];

    private void AssertEveryApiCallCarriesTheBotToken() =>
        Assert.All(Slack.Requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)), r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal($"Bearer {BotToken}", r.Authorization);
        });

    /// <summary>The body with non-ASCII text unescaped (System.Text.Json writes "–" as \u2013).</summary>
    private static string Readable(FakeSlackRequest request) =>
        Body(request).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonNode Body(FakeSlackRequest request) =>
        JsonNode.Parse(request.Body) ?? throw new InvalidOperationException($"{request.Path} had no JSON body");

    private async Task<List<LogEntryEntity>> LogAsync()
    {
        await using var db = PromptWorld.Db(_db);
        return await db.LogEntries.AsNoTracking().ToListAsync(Cancel);
    }

    private async Task<List<PersonEntity>> PeopleAsync()
    {
        await using var db = PromptWorld.Db(_db);
        return await db.People.AsNoTracking().ToListAsync(Cancel);
    }

    private static Task<T> EventuallyAsync<T>(Func<T?> probe, string what)
        where T : class => EventuallyAsync(() => Task.FromResult(probe()), what);

    /// <summary>Polls until the background handling produced something, or fails after <see cref="Patience"/>.</summary>
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
