using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Teams;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Challenges;

/// <summary>
/// Team challenges on Teams end to end: an @mention in a team channel through the real pipeline,
/// the card sent through the loopback fake Connector, and Action.Execute Join answered with the
/// refreshed card — the same card and one participation when pressed again.
/// </summary>
public sealed class TeamsChallengeTests(PostgresServer server)
{
    private const string BotId = "28:" + TeamsTestBed.AppId;
    private const string ChannelThread = "19:c4a1e2b3d4f5@thread.tacv2;messageid=1776000000300";
    private const string ChannelId = "19:c4a1e2b3d4f5@thread.tacv2";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MentionStartInATeamChannel_SendsTheCard_ExecuteJoin_RefreshesIt_OnceEvenWhenRepeated()
    {
        await using var bed = await TeamsTestBed.StartAsync(server, handler: _ => null);
        bed.Fake.ConnectorResponder = (_, n) => new(200, $$"""{"id":"card-activity-{{n}}"}""");

        var response = await bed.PostSignedAsync(InChannel(bed, "megan", "Megan Bowen", node =>
        {
            node["id"] = "1776000000300";
            node["text"] = "<at>MicroMove</at> challenge start Team Stretch goal 2";
            node["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>MicroMove</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" },
            });
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sent = await WaitForAsync(() => bed.Fake.ConnectorRequests.FirstOrDefault(r => r.Body.Contains("joinChallenge", StringComparison.Ordinal)));
        Assert.Equal("POST", sent.Method);
        Assert.StartsWith($"/teams/v3/conversations/{Uri.EscapeDataString(ChannelThread)}/activities", sent.Target, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", sent.Authorization, StringComparison.Ordinal);
        var card = JsonNode.Parse(sent.Body)?["attachments"]?[0]?["content"];
        Assert.Equal("1.5", (string?)card?["version"]);
        Assert.Contains("Team Stretch", card?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);

        var challenge = await WaitForAsync(async () =>
        {
            await using var db = PromptWorld.Db(bed.App.ConnectionString);
            return await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.CardMessageRef != null, Cancel);
        });
        Assert.Equal(ChannelId, challenge.ChannelId);
        Assert.Equal(2, challenge.DailyGoal);
        Assert.Equal(bed.Fake.ServiceUrl, challenge.ServiceUrl);

        // A colleague presses Join (Action.Execute) twice: the invoke answers with the refreshed card each time.
        var first = await bed.PostSignedAsync(JoinInvoke(bed, challenge.Id.ToString("N")));
        var second = await bed.PostSignedAsync(JoinInvoke(bed, challenge.Id.ToString("N")));
        var body = TeamsTestBed.Json(await first.Content.ReadAsStringAsync(Cancel));
        var again = TeamsTestBed.Json(await second.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Contains("Adele Vance", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.True(JsonElement.DeepEquals(body, again), again.GetRawText());

        await using var read = PromptWorld.Db(bed.App.ConnectionString);
        var names = await read.ChallengeParticipants.AsNoTracking().Where(p => p.ChallengeId == challenge.Id).Select(p => p.Person!.DisplayName).ToListAsync(Cancel);
        Assert.Equal(["Adele Vance", "Megan Bowen"], names.Order());
    }

    /// <summary>A message in the team channel's thread from <paramref name="user"/>, shaped like the fixture.</summary>
    private static string InChannel(TeamsTestBed bed, string user, string name, Action<JsonObject> edit) => TeamsTestBed.Fixture("message_activity.json", node =>
    {
        node["serviceUrl"] = bed.Fake.ServiceUrl;
        node["from"] = new JsonObject { ["id"] = $"29:1{user}", ["name"] = name, ["aadObjectId"] = $"aad-{user}" };
        node["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" };
        node["conversation"] = new JsonObject
        {
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["id"] = ChannelThread,
            ["tenantId"] = TeamsTestBed.TenantId,
        };
        node["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TeamsTestBed.TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team-general@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
        };
        node.Remove("attachments");
        edit(node);
    });

    /// <summary>An <c>adaptiveCard/action</c> invoke of Join from Adele in the channel, shaped like the fixture.</summary>
    private static string JoinInvoke(TeamsTestBed bed, string reference) => InChannel(bed, "adele", "Adele Vance", node =>
    {
        var invoke = JsonNode.Parse(TeamsTestBed.Fixture("invoke_adaptive_card_action.json"))?.AsObject() ?? [];
        var action = TeamsTestBed.Child(TeamsTestBed.Child(invoke, "value"), "action");
        action["verb"] = "joinChallenge";
        action["data"] = new JsonObject { ["reference"] = reference };
        node["type"] = "invoke";
        node["name"] = invoke["name"]?.GetValue<string>();
        node["value"] = TeamsTestBed.Child(invoke, "value").DeepClone();
        node["id"] = $"f:invoke-{Guid.NewGuid():N}";
        node.Remove("text");
    });

    private static Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class => WaitForAsync(() => Task.FromResult(probe()));

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < WaitLimit, "the expected request or row never came");
            await Task.Delay(25, Cancel);
        }
    }
}
