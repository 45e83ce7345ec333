using System.Net;
using System.Text.Json.Nodes;
using MicroMove.Bot.Slack;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>
/// <c>/micromove now</c> answered in the ack's body: the note only where it is true (an installed
/// workspace, typed outside the DM), the response_url only when something goes wrong, and the
/// cached workspace never outliving an uninstall nor crossing into another workspace.
/// </summary>
public sealed partial class SlackConversationTests
{
    [Fact]
    public async Task SlashNow_TypedInTheBotsDm_AcksEmpty_TheSetArrivingThereIsTheAnswer()
    {
        var client = App.CreateClient();
        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now")), Cancel);
        await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal)), "the first set");

        var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now", channel: Dm)), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
        await EventuallyAsync(() => Calls("chat.postMessage").Count(r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal)) == 2 ? "two" : null, "the second set");
        // Stored right after its post: wait for that too.
        await EventuallyAsync(
            async () => (await PromptWorld.DeliveriesAsync(_db)).Count(d => d.Kind == DeliveryKind.InstantSet) == 2 ? "two" : null, "both sets stored");
        Assert.Empty(ResponseUrlCalls());
    }

    [Fact]
    public async Task SlashNow_WhenTheDmPostFails_TheResponseUrlSaysSo()
    {
        var (person, _) = await SentPromptAsync();
        Slack.Respond = request => request.Path == "/api/chat.postMessage"
            ? FakeSlackResponse.Json("""{"ok":false,"error":"channel_not_found"}""")
            : Answer(request);

        var response = await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/commands", Command(person.PlatformUserId, "now")), Cancel);

        Assert.Equal(SlackConversationHandler.OnItsWay, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))?["text"]);
        var note = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the failure note");
        Assert.Equal("ephemeral", (string?)Body(note)["response_type"]);
        Assert.Equal(SlackConversationHandler.NotSent, (string?)Body(note)["text"]);
        // Never seen, so never stored: nothing to answer with Done.
        Assert.DoesNotContain(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.InstantSet);
    }

    [Fact]
    public async Task SlashNow_StoresTheSetOnce_WithThePlaceItWasPostedTo()
    {
        var (person, _) = await SentPromptAsync();

        await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/commands", Command(person.PlatformUserId, "now")), Cancel);

        var stored = await EventuallyAsync(
            async () => (await PromptWorld.DeliveriesAsync(_db)).SingleOrDefault(d => d.Kind == DeliveryKind.InstantSet), "the stored set");
        var post = Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal));
        Assert.Contains(stored.Id.ToString("N"), post.Body, StringComparison.Ordinal);
        Assert.Equal(Dm, (string?)Body(post)["channel"]);
        Assert.Matches($"^{Dm}\\|1700000099\\.[0-9]{{6}}$", stored.PlatformMessageRef);
        Assert.Equal(person.Id, stored.PersonId);
        Assert.Equal(DeliveryStatus.Sent, stored.Status);
        Assert.NotEmpty(stored.Movements);
        Assert.All(stored.Movements, m => Assert.True(Domain.Catalogue.MovementSlugs.TryParse(m.Movement, out _), m.Movement));
        Assert.Empty(Calls("chat.update"));
    }

    [Fact]
    public async Task SlashNow_WhenTheSetCannotBeStoredAfterItsPost_TheDmShowsANoteInsteadOfDeadButtons()
    {
        var (person, _) = await SentPromptAsync();
        Slack.Respond = request =>
        {
            if (request.Path == "/api/chat.postMessage" && request.Body.Contains("\"mm_done\"", StringComparison.Ordinal))
            {
                // Deleted between the plan and the insert (delete-my-data on another replica): the insert fails.
                using var db = PromptWorld.Db(_db);
                db.People.Where(p => p.Id == person.Id).ExecuteDelete();
            }

            return Answer(request);
        };

        var response = await App.CreateClient().SendAsync(SlackRequestSigner.Form("/slack/commands", Command(person.PlatformUserId, "now")), Cancel);

        Assert.Equal(SlackConversationHandler.OnItsWay, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))?["text"]);
        var note = await EventuallyAsync(() => ResponseUrlCalls().FirstOrDefault(), "the failure note");
        Assert.Equal(SlackConversationHandler.NotSent, (string?)Body(note)["text"]);
        var post = Assert.Single(Calls("chat.postMessage"), r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal));
        var replaced = Assert.Single(Calls("chat.update"));
        Assert.Equal(Dm, (string?)Body(replaced)["channel"]);
        Assert.Equal("1700000099.000001", (string?)Body(replaced)["ts"]);
        Assert.Contains(SlackConversationHandler.NotStored, Readable(replaced), StringComparison.Ordinal);
        Assert.DoesNotContain("mm_done", replaced.Body, StringComparison.Ordinal);
        Assert.Contains("mm_done", post.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.InstantSet);
    }

    [Fact]
    public async Task SlashNow_AfterAnUninstall_PostsNothing_AndAnswersWithTheInstallHint()
    {
        var client = App.CreateClient();
        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now")), Cancel);
        await EventuallyAsync(() => Calls("chat.postMessage").FirstOrDefault(r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal)), "the first set");

        var uninstalled = await client.SendAsync(SlackRequestSigner.Json("/slack/events", $$"""
            {"token":"x","team_id":"{{Team}}","api_app_id":"A1","event":{"type":"app_uninstalled"},"type":"event_callback",
             "event_id":"EvUNINSTALL1","event_time":1700000080}
            """), Cancel);
        Assert.Equal(HttpStatusCode.OK, uninstalled.StatusCode);
        await EventuallyAsync(async () =>
        {
            await using var db = PromptWorld.Db(_db);
            return await db.Workspaces.AnyAsync(w => w.ExternalId == Team && !w.Active, Cancel) ? "inactive" : null;
        }, "the workspace deactivated");
        var postsBefore = Calls("chat.postMessage").Count;
        // On a busy machine the first command's ack may have run out of time, and its "Sent to your DM" came this way.
        var notesBefore = ResponseUrlCalls().Count;

        var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now")), Cancel);

        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Cancel));
        var hint = await EventuallyAsync(() => ResponseUrlCalls().Skip(notesBefore).FirstOrDefault(), "the install hint");
        Assert.Equal(SlackConversationHandler.NotInstalled, (string?)Body(hint)["text"]);
        Assert.Equal(postsBefore, Calls("chat.postMessage").Count);
        Assert.Equal(1, (await PromptWorld.DeliveriesAsync(_db)).Count(d => d.Kind == DeliveryKind.InstantSet));
    }

    [Fact]
    public async Task SlashNow_TheSameUserIdInTwoWorkspaces_IsTwoPeople_EachServedWithItsOwnWorkspacesToken()
    {
        const string otherTeam = "T0OTHER";
        const string otherToken = "xoxb-other-workspace";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var protector = scope.ServiceProvider.GetRequiredService<CredentialProtector>();
            await using var db = PromptWorld.Db(_db);
            db.Workspaces.Add(new WorkspaceEntity
            {
                Platform = ChatPlatform.Slack,
                ExternalId = otherTeam,
                Name = "Other",
                EncryptedCredentials = protector.Protect(otherToken, SlackWorkspaceTokens.ProtectionContext(otherTeam)),
                CreatedAt = TimeProvider.System.GetUtcNow(),
            });
            await db.SaveChangesAsync(Cancel);
        }

        var client = App.CreateClient();
        foreach (var team in new[] { Team, otherTeam, Team, otherTeam })
        {
            var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now", team)), Cancel);
            Assert.Equal(SlackConversationHandler.OnItsWay, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))?["text"]);
        }

        var sets = await EventuallyAsync(
            () => Calls("chat.postMessage").Where(r => r.Body.Contains("\"mm_done\"", StringComparison.Ordinal)).ToList() is { Count: 4 } all ? all : null,
            "four sets");
        Assert.Equal(2, sets.Count(r => r.Authorization == $"Bearer {BotToken}"));
        Assert.Equal(2, sets.Count(r => r.Authorization == $"Bearer {otherToken}"));
        var people = await PeopleAsync();
        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal("U0ALICE", p.PlatformUserId));
        Assert.NotEqual(people[0].WorkspaceId, people[1].WorkspaceId);
        // Each set is stored right after its post reaches Slack: wait for the last store too.
        var deliveries = await EventuallyAsync(
            async () => await PromptWorld.DeliveriesAsync(_db) is { Count: 4 } all ? all : null,
            "four stored sets");
        Assert.All(people, p => Assert.Equal(2, deliveries.Count(d => d.PersonId == p.Id && d.WorkspaceId == p.WorkspaceId)));
    }

    [Fact]
    public async Task SlashNow_ForSomeoneDeletedMeanwhile_StartsAfresh_AsOnFirstContact()
    {
        var client = App.CreateClient();
        await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now")), Cancel);
        await EventuallyAsync(async () => (await PromptWorld.DeliveriesAsync(_db)).FirstOrDefault(d => d.PlatformMessageRef is not null), "the first set in the DM");
        await Task.Delay(200, Cancel);
        var before = Assert.Single(await PeopleAsync());

        // Deleted where this replica does not see it (another replica's delete-my-data): only the rows go.
        await using (var db = PromptWorld.Db(_db))
        {
            await db.People.Where(p => p.Id == before.Id).ExecuteDeleteAsync(Cancel);
        }

        var response = await client.SendAsync(SlackRequestSigner.Form("/slack/commands", Command("U0ALICE", "now")), Cancel);

        Assert.Equal(SlackConversationHandler.OnItsWay, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))?["text"]);
        var set = await EventuallyAsync(async () => (await PromptWorld.DeliveriesAsync(_db)).FirstOrDefault(d => d.PlatformMessageRef is not null), "the set for the new person");
        var after = Assert.Single(await PeopleAsync());
        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal(after.Id, set.PersonId);
        Assert.Equal(2, Calls("chat.postMessage").Count(r => r.Body.Contains("/micromove schedule", StringComparison.Ordinal)));
        Assert.Empty(ResponseUrlCalls());
    }
}
