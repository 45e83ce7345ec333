using System.Net;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Teams;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Rendering;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>export and delete-my-data on Teams, end to end: the card in the chat, then Action.Execute invokes.</summary>
public sealed partial class TeamsConversationTests
{
    [Fact]
    public async Task DeleteMyData_InvokeDelete_AnswersTheDeletedCard_RemovesEveryRow_AndASecondPressIsKind()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);
        await bed.PostSignedAsync(Invoke(bed, "done", set.Id.ToString("N"), value: null));

        var confirmation = await AskToDeleteAsync(bed);
        var delete = Execute(confirmation, TeamsVerbs.DeleteMyData);
        Assert.Equal("destructive", (string?)delete["style"]);
        Assert.Contains("1 logged set", CardText(confirmation), StringComparison.Ordinal);
        var reference = (string?)delete["data"]?["reference"] ?? throw new InvalidOperationException("no reference");

        var first = await bed.PostSignedAsync(Invoke(bed, TeamsVerbs.DeleteMyData, reference, value: null));

        var card = await InvokeCardAsync(first);
        Assert.Contains("Your MicroMove data is deleted.", CardText(card), StringComparison.Ordinal);
        Assert.False(HasExecute(card, TeamsVerbs.DeleteMyData));
        await using (var db = PromptWorld.Db(bed.App.ConnectionString))
        {
            var cancel = TestContext.Current.CancellationToken;
            Assert.False(await db.People.AnyAsync(cancel));
            Assert.False(await db.PromptDeliveries.AnyAsync(cancel));
            Assert.False(await db.LogEntries.AnyAsync(cancel));
            Assert.False(await db.TeamsConversations.AnyAsync(c => c.ConversationId == PersonalConversation, cancel));
        }

        var second = await bed.PostSignedAsync(Invoke(bed, TeamsVerbs.DeleteMyData, reference, value: null));

        Assert.Contains(DataRequests.AlreadyDeleted, CardText(await InvokeCardAsync(second)), StringComparison.Ordinal);
        await using var after = PromptWorld.Db(bed.App.ConnectionString);
        Assert.False(await after.People.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task KeepMyData_Invoke_AnswersNothingWasDeleted_AndKeepsEverything()
    {
        await using var bed = await StartAsync();
        await SentPromptAsync(bed);
        var confirmation = await AskToDeleteAsync(bed);
        var reference = (string?)Execute(confirmation, TeamsVerbs.KeepMyData)["data"]?["reference"] ?? throw new InvalidOperationException("no reference");

        var response = await bed.PostSignedAsync(Invoke(bed, TeamsVerbs.KeepMyData, reference, value: null));

        Assert.Contains(DataRequests.Kept, CardText(await InvokeCardAsync(response)), StringComparison.Ordinal);
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        Assert.True(await db.People.AnyAsync(p => p.PlatformUserId == AadObjectId, TestContext.Current.CancellationToken));
        Assert.True(await db.PromptDeliveries.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeleteInvoke_OnAColleaguesConfirmation_DeletesNothing_AndOnlyTellsThePresser()
    {
        await using var bed = await StartAsync();
        var mine = await SentPromptAsync(bed);
        var colleague = await SeedColleagueAsync(bed, mine.WorkspaceId);
        var theirs = DeletionReference.For(colleague.Id, colleague.WorkspaceId, colleague.PlatformUserId);

        var response = await bed.PostSignedAsync(Invoke(bed, TeamsVerbs.DeleteMyData, theirs, value: null));

        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(InvokeResult.MessageType, body.GetProperty("type").GetString());
        Assert.Contains("isn't yours", body.GetProperty("value").GetString(), StringComparison.Ordinal);
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        Assert.Equal(2, await db.People.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.PromptDeliveries.AnyAsync(d => d.Id == mine.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExportByChannelMention_GoesToThePersonalChat_AndTheThreadOnlyHearsWhere()
    {
        await using var bed = await StartAsync();
        await SentPromptAsync(bed);

        await bed.PostSignedAsync(Personal(bed, node =>
        {
            node["id"] = "1776000000400";
            node["text"] = "<at>MicroMove</at> export";
            node["conversation"] = new JsonObject
            {
                ["conversationType"] = "channel", ["isGroup"] = true, ["id"] = ChannelConversation, ["tenantId"] = TeamsTestBed.TenantId,
            };
            node["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention", ["text"] = "<at>MicroMove</at>", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" },
            });
        }));

        var requests = await ConnectorRequestsAsync(bed, 3);
        var link = Assert.Single(requests, r => r.Body.Contains("Action.OpenUrl", StringComparison.Ordinal));
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", link.Target);
        Assert.Contains("/exports/", CardText(CardAttachment(link)), StringComparison.Ordinal);
        var thread = Assert.Single(requests, r => r.Target.Contains(Uri.EscapeDataString(ChannelConversation), StringComparison.Ordinal));
        Assert.Contains(TeamsConversationHandler.SentToPersonalChat, CardText(CardAttachment(thread)), StringComparison.Ordinal);
        Assert.DoesNotContain("/exports/", thread.Body, StringComparison.Ordinal);
    }

    /// <summary>Megan types "delete my data" in her chat; the confirmation card as posted.</summary>
    private static async Task<JsonObject> AskToDeleteAsync(TeamsTestBed bed)
    {
        var before = bed.Fake.ConnectorRequests.Count;
        await bed.PostSignedAsync(PersonalMessage(bed, "1776000000300", "delete my data"));
        var request = (await ConnectorRequestsAsync(bed, before + 1))[^1];
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", request.Target);
        return CardAttachment(request)["content"]?.AsObject() ?? throw new InvalidOperationException("no card");
    }

    private static JsonObject Execute(JsonObject card, string verb) =>
        JsonWalk.OfType(card, "Action.Execute").Single(a => (string?)a["verb"] == verb);

    private static async Task<JsonObject> InvokeCardAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))?.AsObject() ?? [];
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal(OutboundActivity.AdaptiveCardContentType, (string?)body["type"]);
        return body["value"]?.AsObject() ?? throw new InvalidOperationException("no card");
    }
}
