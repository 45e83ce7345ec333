using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.DevConsole;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.DevConsole;

/// <summary>delete-my-data in the console: the same confirmation, answered through either rendering.</summary>
public sealed partial class DevConsoleApiTests
{
    [Fact]
    public async Task DeleteMyData_ThroughTheSlackRendering_DeletesAda_ReplacesTheCard_ASecondPressIsKind_AndSheCanStartAgain()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];
        var prompt = (await SayAsync(client, ada, "now"))[^1];
        await TeamsActionAsync(client, ada, prompt, TeamsVerbs.For(ActionKind.Done), value: null);
        var confirmation = (await SayAsync(client, ada, "delete-my-data"))[^1];
        Assert.Equal("delete-confirmation", confirmation.Kind);
        var button = FindAll(JsonNode.Parse(confirmation.Slack?.GetRawText() ?? "{}"), "action_id")
            .Single(b => (string?)b["action_id"] == SlackActionIds.DeleteMyData);
        var press = new { personId = ada.Id, messageId = confirmation.Id, platform = "slack", actionId = SlackActionIds.DeleteMyData, value = (string?)button["value"] };

        var response = await client.PostAsJsonAsync("/dev/api/actions", press, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replaced = (await MessagesAsync(client, ada)).Single(m => m.Id == confirmation.Id);
        Assert.Equal("notice", replaced.Kind);
        Assert.Equal(DataRequests.Deleted, replaced.FallbackText);
        await using (var db = PromptWorld.Db(_db))
        {
            var cancel = TestContext.Current.CancellationToken;
            Assert.False(await db.People.AnyAsync(p => p.PlatformUserId == "ada", cancel));
            Assert.False(await db.LogEntries.AnyAsync(e => e.PersonId == ada.Id, cancel));
            Assert.False(await db.PromptDeliveries.AnyAsync(d => d.PersonId == ada.Id, cancel));
            Assert.Equal(2, await db.People.CountAsync(cancel));
        }

        var cast = await CastAsync(client);
        Assert.Equal(["Ada", "Grace", "Linus"], cast.Select(c => c.Name));
        Assert.Null(cast[0].Id);

        // The same press again (a double click): kind, and Ada is not created again by it.
        var again = await client.PostAsJsonAsync("/dev/api/actions", press, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(DataRequests.AlreadyDeleted, (await MessagesAsync(client, ada)).Single(m => m.Id == confirmation.Id).FallbackText);
        Assert.Null((await CastAsync(client))[0].Id);

        // She writes again: a first contact, with a new person.
        var hello = await client.PostAsJsonAsync("/dev/api/conversations/ada/say", new { text = "help" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        var back = (await CastAsync(client))[0];
        Assert.NotNull(back.Id);
        Assert.NotEqual(ada.Id, back.Id);
        Assert.Equal("help", (await MessagesAsync(client, ada))[^1].Kind);
    }

    [Fact]
    public async Task KeepMyData_ThroughTheTeamsRendering_ReplacesTheCard_AndKeepsEverything()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var grace = (await PeopleAsync(client))[1];
        var confirmation = (await SayAsync(client, grace, "delete my data"))[^1];

        await TeamsActionAsync(client, grace, confirmation, TeamsVerbs.KeepMyData, value: null);

        var replaced = (await MessagesAsync(client, grace)).Single(m => m.Id == confirmation.Id);
        Assert.Equal(DataRequests.Kept, replaced.FallbackText);
        Assert.Equal(grace.Id, (await CastAsync(client))[1].Id);
    }

    [Fact]
    public async Task AConfirmationPressedByAnotherPerson_DeletesNothing_AndOnlyThePresserIsTold()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var people = await PeopleAsync(client);
        var (ada, grace) = (people[0], people[1]);
        var confirmation = (await SayAsync(client, ada, "delete-my-data"))[^1];
        var data = FindAll(JsonNode.Parse(confirmation.Teams?.GetRawText() ?? "{}"), "verb")
            .First(a => (string?)a["verb"] == TeamsVerbs.DeleteMyData)["data"];

        var response = await client.PostAsJsonAsync(
            "/dev/api/actions",
            new { personId = grace.Id, messageId = confirmation.Id, platform = "teams", verb = TeamsVerbs.DeleteMyData, data },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("delete-confirmation", (await MessagesAsync(client, ada)).Single(m => m.Id == confirmation.Id).Kind);
        Assert.Contains("isn't yours", (await MessagesAsync(client, grace))[^1].FallbackText, StringComparison.Ordinal);
        Assert.Equal(people.Select(p => (Guid?)p.Id), (await CastAsync(client)).Select(c => c.Id));
    }

    [Fact]
    public async Task ExportAndDeleteMyData_TypedInTheChannel_AnswerInTheSpeakersDm_AndTheChannelOnlyHearsWhere()
    {
        await using var app = new MicroMoveApp(_db, Enabled);
        var client = app.CreateClient();
        var ada = (await PeopleAsync(client))[0];
        var channel = new ConsolePerson(ada.Id, "#team", ada.TimeZone, "channel:team", null);

        foreach (var text in new[] { "export", "delete-my-data" })
        {
            var response = await client.PostAsJsonAsync(
                "/dev/api/channels/channel:team/say", new { personId = ada.Id, text }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var inChannel = await MessagesAsync(client, channel);
        Assert.Equal(["person:ada", "notice", "person:ada", "notice"], inChannel.Select(m => m.Kind));
        Assert.All(inChannel.Where(m => !m.FromPerson), m => Assert.Equal(DevConsoleChat.SentToDm, m.FallbackText));
        Assert.DoesNotContain(inChannel, m => m.FallbackText.Contains("/exports/", StringComparison.Ordinal));
        Assert.Equal(["data-export", "delete-confirmation"], (await MessagesAsync(client, ada)).Select(m => m.Kind));
    }

    private static async Task<List<CastMember>> CastAsync(HttpClient client) =>
        await client.GetFromJsonAsync<List<CastMember>>("/dev/api/people", TestContext.Current.CancellationToken) ?? [];

    private sealed record CastMember(Guid? Id, string UserId, string Name);
}
