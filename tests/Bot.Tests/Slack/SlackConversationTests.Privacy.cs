using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Tests.Privacy;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>export and delete-my-data on Slack, end to end: slash command, @mention and DM, then the buttons.</summary>
public sealed partial class SlackConversationTests
{
    [Fact]
    public async Task SlashDeleteMyData_AsksFirst_ConfirmDeletesEverything_ASecondPressIsKind_AndWritingAgainStartsAfresh()
    {
        var (person, set) = await SentPromptAsync();
        await DoneAsync(person, set);
        var client = App.CreateClient();

        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command(person.PlatformUserId, "delete-my-data")), Cancel);
        var ask = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the confirmation");
        Assert.Equal("ephemeral", (string?)Body(ask)["response_type"]);
        var delete = Button(ask, SlackActionIds.DeleteMyData);
        Assert.Equal("danger", (string?)delete["style"]);
        Assert.NotNull(delete["confirm"]);
        Assert.Contains("1 logged set", Readable(ask), StringComparison.Ordinal);
        Assert.Equal((1, 1, 1, 0), await PrivacyWorld.LeftOfAsync(_db, person.Id));
        Slack.Requests.Clear();

        Assert.Equal(HttpStatusCode.OK, (await PressAsync(person.PlatformUserId, delete, ephemeral: true)).StatusCode);

        var replaced = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the confirmation replaced");
        Assert.True((bool?)Body(replaced)["replace_original"]);
        Assert.Contains("Your MicroMove data is deleted.", Readable(replaced), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackActionIds.DeleteMyData, replaced.Body, StringComparison.Ordinal);
        var home = await EventuallyAsync(() => Calls("views.publish").FirstOrDefault(), "the emptied Home tab");
        Assert.Contains("holds no data about you", Readable(home), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await PrivacyWorld.LeftOfAsync(_db, person.Id));
        Assert.Empty(await PeopleAsync());
        Assert.Empty(await PromptWorld.DeliveriesAsync(_db));
        Slack.Requests.Clear();

        // Pressed again (a double click, or a retry): a kind answer, and nobody is created again.
        await PressAsync(person.PlatformUserId, delete, ephemeral: true);
        var again = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the second answer");
        Assert.Contains(DataRequests.AlreadyDeleted, Readable(again), StringComparison.Ordinal);
        Assert.Empty(await PeopleAsync());
        Assert.Empty(Calls("users.info"));
        Assert.Empty(Calls("chat.postMessage"));

        // Writing again is a first contact: a new person, and the welcome.
        await client.SendAsync(SlackRequestSigner.Json("/slack/events", DirectMessage(person.PlatformUserId, "help", "EvAFRESH1", "1700000300.000100")), Cancel);
        await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("/micromove schedule", StringComparison.Ordinal)), "the welcome");
        var fresh = Assert.Single(await PeopleAsync());
        Assert.Equal(person.PlatformUserId, fresh.PlatformUserId);
        Assert.NotEqual(person.Id, fresh.Id);
    }

    [Fact]
    public async Task DeleteMyDataByMention_GoesToTheDm_AndSomeoneElsesPressDeletesNothing()
    {
        var (person, set) = await SentPromptAsync();
        await DoneAsync(person, set);

        await App.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", $$"""
            {"type":"event_callback","team_id":"{{Team}}","api_app_id":"A1","event_id":"EvMENTIONDEL","event_time":1700000070,
             "event":{"type":"app_mention","user":"{{person.PlatformUserId}}","channel":"C0GENERAL","text":"<@U0BOT> delete my data","ts":"1700000070.000400","event_ts":"1700000070.000400"} }
            """), Cancel);

        var thread = await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("C0GENERAL", StringComparison.Ordinal)), "the thread reply");
        Assert.Contains("Sent to your DM", Readable(thread), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackActionIds.DeleteMyData, thread.Body, StringComparison.Ordinal);
        var confirmation = Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains(SlackActionIds.DeleteMyData, StringComparison.Ordinal));
        Assert.Equal(Dm, (string?)Body(confirmation)["channel"]);
        Slack.Requests.Clear();

        // Bob presses Alice's button (a forwarded or hand-made payload): only Bob hears about it.
        await PressAsync("U0BOB", Button(confirmation, SlackActionIds.DeleteMyData), ephemeral: false);

        var note = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the note to Bob");
        Assert.Equal("ephemeral", (string?)Body(note)["response_type"]);
        Assert.Null(Body(note)["replace_original"]);
        Assert.Contains("isn't yours", Readable(note), StringComparison.Ordinal);
        Assert.Empty(Calls("chat.update"));
        Assert.Equal((1, 1, 1, 0), await PrivacyWorld.LeftOfAsync(_db, person.Id));
        Assert.Single(await PeopleAsync());
    }

    [Fact]
    public async Task DeleteMyDataInTheDm_KeepMyData_ReplacesTheConfirmation_AndDeletesNothing()
    {
        var (person, set) = await SentPromptAsync();
        await DoneAsync(person, set);
        await App.CreateClient().SendAsync(SlackRequestSigner.Json("/slack/events", DirectMessage(person.PlatformUserId, "delete my data", "EvDMDEL", "1700000200.000100")), Cancel);
        var confirmation = await EventuallyAsync(
            () => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains(SlackActionIds.KeepMyData, StringComparison.Ordinal)), "the confirmation");
        Assert.Equal(Dm, (string?)Body(confirmation)["channel"]);
        Slack.Requests.Clear();

        await PressAsync(person.PlatformUserId, Button(confirmation, SlackActionIds.KeepMyData), ephemeral: false);

        var replaced = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the confirmation replaced");
        Assert.True((bool?)Body(replaced)["replace_original"]);
        Assert.Contains(DataRequests.Kept, Readable(replaced), StringComparison.Ordinal);
        Assert.Equal((1, 1, 1, 0), await PrivacyWorld.LeftOfAsync(_db, person.Id));
        Assert.Empty(Calls("views.publish"));
    }

    [Fact]
    public async Task SlashExport_AnswersEphemerallyWithALink_ThatDownloadsTheirData()
    {
        var (person, set) = await SentPromptAsync();
        await DoneAsync(person, set);
        var client = App.CreateClient();

        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command(person.PlatformUserId, "export")), Cancel);

        var answer = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the export answer");
        Assert.Equal("ephemeral", (string?)Body(answer)["response_type"]);
        var text = Readable(answer);
        Assert.Contains("1 set logged, on", text, StringComparison.Ordinal);
        Assert.Contains("1 hour", text, StringComparison.Ordinal);
        var link = new Uri(Regex.Match(text, @"<(http://localhost:5080/exports/[A-Za-z0-9_-]+\.json)\|").Groups[1].Value);
        using var download = await client.GetAsync(link.PathAndQuery, Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var profile = JsonDocument.Parse(await download.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("profile");
        Assert.Equal(person.PlatformUserId, profile.GetProperty("userId").GetString());
        Assert.Equal(Team, profile.GetProperty("workspace").GetProperty("id").GetString());
    }

    private async Task DoneAsync(PersonEntity person, PromptDeliveryEntity set)
    {
        await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/interactions", Interaction(person, $$"""
            {"action_id":"mm_done","type":"button","value":"|{{set.Id:N}}"}
            """)), Cancel);
        await EventuallyAsync(async () => (await LogAsync()).FirstOrDefault(), "the Done log entry");
        await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the Done update");
        Slack.Requests.Clear();
    }

    /// <summary><paramref name="userId"/> presses the button: on an ephemeral answer in a channel, or on a message in the DM.</summary>
    private Task<HttpResponseMessage> PressAsync(string userId, JsonObject button, bool ephemeral)
    {
        var container = ephemeral
            ? """{"type":"message","message_ts":"1700000111.000100","channel_id":"C0GENERAL","is_ephemeral":true}"""
            : $$"""{"type":"message","message_ts":"1700000111.000100","channel_id":"{{Dm}}","is_ephemeral":false}""";
        var action = new JsonObject
        {
            ["action_id"] = button["action_id"]?.DeepClone(),
            ["block_id"] = DeleteConfirmationBlocks.ActionsBlockId,
            ["type"] = "button",
            ["value"] = button["value"]?.DeepClone(),
            ["action_ts"] = "1700000112.000001",
        };
        return App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/interactions", SlackFixtures.AsInteractionForm($$"""
            {"type":"block_actions","user":{"id":"{{userId}}","username":"p","team_id":"{{Team}}"},"api_app_id":"A1",
             "team":{"id":"{{Team}}","domain":"acme"},"trigger_id":"1.2.3","container":{{container}},
             "response_url":"{{ResponseUrl}}","state":{{NoState}},"actions":[{{action.ToJsonString()}}]}
            """)), Cancel);
    }

    private const string NoState = """{"values":{}}""";

    private static JsonObject Button(FakeSlackRequest request, string actionId) =>
        JsonWalk.OfType(Body(request), "button").Single(b => (string?)b["action_id"] == actionId);
}
