using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Teams;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>
/// The settings card in Teams end to end: signed activities through the real pipeline, the real
/// PostgreSQL, the fake Connector. Megan's client says America/Los_Angeles; the clock stands at
/// Monday 14 January 2030, 09:00 UTC (01:00 in Los Angeles).
/// </summary>
public sealed class TeamsScheduleCardTests(PostgresServer server)
{
    private const string PersonalConversation = "a:1personal-conversation-of-megan";
    private const string UserId = "29:1megan-bot-scoped-id";
    private const string AadObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";
    private const string BotId = "28:" + TeamsTestBed.AppId;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schedule_InThePersonalChat_SendsTheSettingsCard_FilledWithTheirSchedule()
    {
        await using var bed = await StartAsync();

        await bed.PostSignedAsync(Personal(bed, "1776000000301", "schedule"));

        var request = Assert.Single(await ConnectorRequestsAsync(bed, 1));
        Assert.Equal("POST", request.Method);
        var card = CardOf(request);
        var save = Assert.Single(JsonWalk.OfType(card, "Action.Execute"));
        Assert.Equal((TeamsVerbs.SaveSchedule, "auto"), ((string?)save["verb"], (string?)save["associatedInputs"]));
        var person = await PersonAsync(bed);
        Assert.Equal(ScheduleEditor.ReferenceOf(person), (string?)save["data"]?["reference"]);
        Assert.Equal("09:00", InputValue(card, ScheduleForm.Start));
        Assert.Equal("America/Los_Angeles", InputValue(card, ScheduleForm.Zone));
        Assert.Equal(string.Empty, InputValue(card, ScheduleForm.Meetings));
        Assert.Equal(5, (int?)JsonWalk.Objects(card).Single(o => (string?)o["id"] == ScheduleForm.MeetingLead)["value"]);
    }

    [Fact]
    public async Task Save_WithMeetings_StoresThem_AndABadOneIsMarkedUnderItsInput()
    {
        await using var bed = await StartAsync();
        var before = await MeganAsync(bed);
        var bad = Form(start: "08:00", end: "16:00", zone: "America/New_York");
        bad[ScheduleForm.Meetings] = "10:00 Mon, 14:30 Someday";

        var refused = JsonNode.Parse(await (await bed.PostSignedAsync(Invoke(bed, ScheduleEditor.ReferenceOf(before), bad))).Content.ReadAsStringAsync(Cancel));
        var card = refused?["value"]?.AsObject() ?? [];
        Assert.Equal("10:00 Mon, 14:30 Someday", InputValue(card, ScheduleForm.Meetings));
        Assert.Contains(
            JsonWalk.OfType(card, "TextBlock").Where(t => (string?)t["color"] == "attention").Select(t => (string?)t["text"]),
            t => t?.Contains("“Someday” is not a day of the week", StringComparison.Ordinal) == true);
        Assert.Empty((await PersonAsync(bed)).Schedule.Meetings);

        var good = Form(start: "08:00", end: "16:00", zone: "America/New_York");
        good[ScheduleForm.Meetings] = "10:00 Mon, 14:30";
        good[ScheduleForm.MeetingLead] = "10";
        await bed.PostSignedAsync(Invoke(bed, ScheduleEditor.ReferenceOf(before), good));

        var after = await PersonAsync(bed);
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(14, 30)], after.Schedule.Meetings.Select(m => m.Start));
        Assert.Equal([DayOfWeek.Monday], after.Schedule.Meetings[0].Days);
        Assert.Null(after.Schedule.Meetings[1].Days);
        Assert.Equal(10, after.Schedule.PreMeetingLeadMinutes);
    }

    [Fact]
    public async Task Save_WithBadValues_AnswersTheCardAgainWithTheErrorsAndTheEntries_AndSavesNothing()
    {
        await using var bed = await StartAsync();
        var before = await MeganAsync(bed);

        var response = await bed.PostSignedAsync(Invoke(bed, ScheduleEditor.ReferenceOf(before), Form(start: "17:00", end: "09:00", zone: "Mars/Olympus_Mons")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))?.AsObject() ?? [];
        Assert.Equal((200, InvokeResult.AdaptiveCardType), ((int?)body["statusCode"], (string?)body["type"]));
        var card = body["value"]?.AsObject() ?? [];
        var problems = JsonWalk.OfType(card, "TextBlock").Where(t => (string?)t["color"] == "attention").Select(t => (string?)t["text"]).ToList();
        Assert.Contains(problems, p => p?.Contains("before it starts", StringComparison.Ordinal) == true);
        Assert.Contains(problems, p => p?.Contains("“Mars/Olympus_Mons” is not a time zone", StringComparison.Ordinal) == true);
        Assert.Equal(("17:00", "09:00"), (InputValue(card, ScheduleForm.Start), InputValue(card, ScheduleForm.End)));
        Assert.Single(JsonWalk.OfType(card, "Action.Execute"), a => (string?)a["verb"] == TeamsVerbs.SaveSchedule);

        var after = await PersonAsync(bed);
        Assert.Equal(before.TimeZoneId, after.TimeZoneId);
        Assert.Equal(before.Schedule.DayStart, after.Schedule.DayStart);
        Assert.Equal(before.Schedule.WorkDays, after.Schedule.WorkDays);
        Assert.Equal(before.NextPromptAt, after.NextPromptAt);
        Assert.DoesNotContain(bed.Fake.ConnectorRequests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Save_WithGoodValues_SavesInPostgres_MovesTheNextPrompt_AndAnswersSaved_EvenWhenRetried()
    {
        await using var bed = await StartAsync();
        var before = await MeganAsync(bed);
        var invoke = Invoke(bed, ScheduleEditor.ReferenceOf(before), Form(start: "08:00", end: "16:00", zone: "America/New_York"));

        var first = await bed.PostSignedAsync(invoke);
        var retried = await bed.PostSignedAsync(invoke);

        var body = TeamsTestBed.Json(await first.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(InvokeResult.AdaptiveCardType, body.GetProperty("type").GetString());
        var card = JsonNode.Parse(body.GetProperty("value").GetRawText())?.AsObject() ?? [];
        var texts = JsonWalk.OfType(card, "TextBlock").Select(t => (string?)t["text"]).ToList();
        Assert.Equal(ScheduleSettingsCard.SavedTitle, texts[0]);
        Assert.Contains(texts, t => t?.Contains("08:00–16:00 (America/New_York)", StringComparison.Ordinal) == true);
        Assert.Contains("Your next set: Mon 14 Jan, 08:00.", texts);
        Assert.Equal(TeamsVerbs.OpenSettings, (string?)Assert.Single(JsonWalk.OfType(card, "Action.Execute"))["verb"]);
        Assert.True(JsonElement.DeepEquals(body, TeamsTestBed.Json(await retried.Content.ReadAsStringAsync(Cancel))));

        var after = await PersonAsync(bed);
        Assert.Equal("America/New_York", after.TimeZoneId);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0), new TimeOnly(12, 0), 30), (after.Schedule.DayStart, after.Schedule.DayEnd, after.Schedule.LunchStart, after.Schedule.LunchMinutes));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], after.Schedule.WorkDays);
        Assert.Equal(["start-of-day", "every-30-minutes", "end-of-day"], after.Schedule.Routines);
        Assert.Equal(45, after.Schedule.CadenceMinutes);
        // The start-of-day set at 08:00 New York time, no longer 09:00 Los Angeles time (17:00 UTC).
        Assert.Equal(new DateTimeOffset(2030, 1, 14, 17, 0, 0, TimeSpan.Zero), before.NextPromptAt);
        Assert.Equal(new DateTimeOffset(2030, 1, 14, 13, 0, 0, TimeSpan.Zero), after.NextPromptAt);
    }

    [Fact]
    public async Task Save_OnSomeoneElsesCard_SaysSo_AndChangesNobody()
    {
        await using var bed = await StartAsync();
        var before = await MeganAsync(bed);

        var response = await bed.PostSignedAsync(Invoke(bed, Guid.NewGuid().ToString("N"), Form(start: "08:00", end: "16:00", zone: "America/New_York")));

        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(InvokeResult.MessageType, body.GetProperty("type").GetString());
        Assert.Contains("someone else", body.GetProperty("value").GetString(), StringComparison.Ordinal);
        var after = await PersonAsync(bed);
        Assert.Equal((before.TimeZoneId, before.NextPromptAt), (after.TimeZoneId, after.NextPromptAt));
    }

    [Fact]
    public async Task SubmitFallback_Save_SavesAndUpdatesTheCardInPlace()
    {
        await using var bed = await StartAsync();
        var before = await MeganAsync(bed);
        var value = Form(start: "07:30", end: "15:30", zone: "Europe/Berlin");
        value["verb"] = TeamsVerbs.SaveSchedule;
        value["reference"] = ScheduleEditor.ReferenceOf(before);

        await bed.PostSignedAsync(Activity(bed, node =>
        {
            node["id"] = "1776000000320";
            node["replyToId"] = "settings-card-1";
            node["value"] = value;
            node.Remove("text");
        }));

        var update = await WaitForRequestAsync(bed, r => r.Method == "PUT");
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities/settings-card-1", update.Target);
        Assert.Equal(ScheduleSettingsCard.SavedTitle, (string?)JsonWalk.OfType(CardOf(update), "TextBlock").First()["text"]);
        Assert.Equal("Europe/Berlin", (await PersonAsync(bed)).TimeZoneId);
    }

    [Fact]
    public async Task ChannelMention_Schedule_RepliesWithTheCardInTheThread()
    {
        await using var bed = await StartAsync();
        const string channel = "19:a1b2c3d4e5f6@thread.tacv2;messageid=1776000000100";

        await bed.PostSignedAsync(Activity(bed, node =>
        {
            node["id"] = "1776000000330";
            node["text"] = "<at>MicroMove</at> schedule";
            node["conversation"] = new JsonObject { ["conversationType"] = "channel", ["isGroup"] = true, ["id"] = channel, ["tenantId"] = TeamsTestBed.TenantId };
            node["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>MicroMove</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" },
            });
        }));

        var request = Assert.Single(await ConnectorRequestsAsync(bed, 1));
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(channel)}/activities/1776000000330", request.Target);
        Assert.Single(JsonWalk.OfType(CardOf(request), "Action.Execute"), a => (string?)a["verb"] == TeamsVerbs.SaveSchedule);
    }

    private Task<TeamsTestBed> StartAsync() => TeamsTestBed.StartAsync(server, handler: _ => null);

    /// <summary>A Monday-to-Thursday form with lunch at 12:00 for 30 min, a 45-minute cadence and the pre-meeting and after-lunch sets off.</summary>
    private static JsonObject Form(string start, string end, string zone) => new()
    {
        [ScheduleForm.Days] = "Monday,Tuesday,Wednesday,Thursday",
        [ScheduleForm.Start] = start,
        [ScheduleForm.End] = end,
        [ScheduleForm.Lunch] = "12:00",
        [ScheduleForm.LunchMinutes] = "30",
        [ScheduleForm.Zone] = zone,
        [ScheduleForm.Cadence] = "45",
        ["routine-start-of-day"] = "true",
        ["routine-every-30-minutes"] = "true",
        ["routine-pre-meeting"] = "false",
        ["routine-after-lunch"] = "false",
        ["routine-end-of-day"] = "true",
    };

    /// <summary>Megan, known to the bot after a first <c>help</c> in her personal chat.</summary>
    private static async Task<PersonEntity> MeganAsync(TeamsTestBed bed)
    {
        await bed.PostSignedAsync(Personal(bed, "1776000000300", "help"));
        await ConnectorRequestsAsync(bed, 1);
        bed.Fake.ConnectorRequests.Clear();
        return await PersonAsync(bed);
    }

    private static async Task<PersonEntity> PersonAsync(TeamsTestBed bed)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            await using (var db = PromptWorld.Db(bed.App.ConnectionString))
            {
                if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.PlatformUserId == AadObjectId, Cancel) is { } person)
                {
                    return person;
                }
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < WaitLimit, "Megan was never created");
            await Task.Delay(25, Cancel);
        }
    }

    private static string Personal(TeamsTestBed bed, string id, string text) => Activity(bed, node =>
    {
        node["id"] = id;
        node["text"] = text;
    });

    /// <summary>A message activity from Megan in her personal chat on the fake Connector, edited by <paramref name="edit"/>.</summary>
    private static string Activity(TeamsTestBed bed, Action<JsonObject> edit) => TeamsTestBed.Fixture("message_activity.json", node =>
    {
        node["serviceUrl"] = bed.Fake.ServiceUrl;
        node["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Megan Bowen", ["aadObjectId"] = AadObjectId };
        node["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" };
        node["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = PersonalConversation, ["tenantId"] = TeamsTestBed.TenantId };
        node["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTestBed.TenantId } };
        node.Remove("attachments");
        edit(node);
    });

    /// <summary>The <c>adaptiveCard/action</c> invoke of Save, shaped like the fixture: card data and inputs merged in <c>action.data</c>.</summary>
    private static string Invoke(TeamsTestBed bed, string reference, JsonObject inputs) => Activity(bed, node =>
    {
        var invoke = JsonNode.Parse(TeamsTestBed.Fixture("invoke_adaptive_card_action.json"))?.AsObject() ?? [];
        var value = TeamsTestBed.Child(invoke, "value");
        var action = TeamsTestBed.Child(value, "action");
        var data = inputs.DeepClone().AsObject();
        data["reference"] = reference;
        action["verb"] = TeamsVerbs.SaveSchedule;
        action["title"] = "Save";
        action["data"] = data;
        node["type"] = "invoke";
        node["name"] = invoke["name"]?.GetValue<string>();
        node["value"] = value.DeepClone();
        node["id"] = "f:invoke-save-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(data.ToJsonString())))[..16];
        node.Remove("text");
    });

    private static async Task<List<RecordedRequest>> ConnectorRequestsAsync(TeamsTestBed bed, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (bed.Fake.ConnectorRequests.Count < count && TimeProvider.System.GetElapsedTime(started) < WaitLimit)
        {
            await Task.Delay(25, Cancel);
        }

        var requests = bed.Fake.ConnectorRequests.ToList();
        Assert.True(requests.Count >= count, $"expected {count} Connector requests, got {requests.Count}");
        return requests;
    }

    private static async Task<RecordedRequest> WaitForRequestAsync(TeamsTestBed bed, Func<RecordedRequest, bool> match)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (bed.Fake.ConnectorRequests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < WaitLimit, "the expected Connector request never came");
            await Task.Delay(25, Cancel);
        }
    }

    private static JsonObject CardOf(RecordedRequest request)
    {
        var attachment = Assert.Single(JsonNode.Parse(request.Body)?["attachments"]?.AsArray() ?? []);
        return attachment?["content"]?.AsObject() ?? throw new InvalidOperationException($"no card: {request.Body}");
    }

    private static string? InputValue(JsonObject card, string id) =>
        (string?)JsonWalk.Objects(card).Single(o => (string?)o["id"] == id)["value"];
}
