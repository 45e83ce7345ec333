using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Teams;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>
/// Teams end to end: signed activities through the real pipeline and <see cref="TeamsConversationHandler"/>,
/// the real PostgreSQL, and the loopback fake Connector receiving what the bot posts.
/// </summary>
public sealed partial class TeamsConversationTests(PostgresServer server)
{
    private const string PersonalConversation = "a:1personal-conversation-of-megan";
    private const string UserId = "29:1megan-bot-scoped-id";
    private const string AadObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";
    private const string BotId = "28:" + TeamsTestBed.AppId;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);
    private const string ChannelConversation = "19:a1b2c3d4e5f6@thread.tacv2;messageid=1776000000100";

    [Fact]
    public async Task InstallationUpdateAdd_Personal_StoresTheConversation_AndSendsTheWelcomeCard()
    {
        await using var bed = await StartAsync();

        var response = await bed.PostSignedAsync(Installation(bed, "add", timezone: "Europe/Berlin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await ConnectorRequestsAsync(bed, 2);
        Assert.All(posted, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", request.Target);
            Assert.Equal(OutboundActivity.AdaptiveCardContentType, CardAttachment(request)["contentType"]?.GetValue<string>());
        });
        var welcome = CardText(CardAttachment(posted[0]));
        Assert.Contains("Welcome to MicroMove", welcome, StringComparison.Ordinal);
        Assert.Contains("Monday–Friday, 09:00–17:30 (Europe/Berlin)", welcome, StringComparison.Ordinal);
        Assert.Contains("`schedule`", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsWelcome.TimeZoneQuestion, welcome, StringComparison.Ordinal);
        Assert.True(HasExecute(CardAttachment(posted[1]), "done"), "the first instant set offers Done");

        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Platform == ChatPlatform.Teams, TestContext.Current.CancellationToken);
        Assert.Equal(TeamsTestBed.TenantId, workspace.ExternalId);
        Assert.True(workspace.Active);
        var person = await db.People.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(workspace.Id, person.WorkspaceId);
        Assert.Equal(AadObjectId, person.PlatformUserId);
        Assert.Equal(PersonalConversation, person.ConversationId);
        Assert.Equal(bed.Fake.ServiceUrl, person.ServiceUrl);
        Assert.Equal("Europe/Berlin", person.TimeZoneId);
        var set = await db.PromptDeliveries.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryKind.InstantSet, set.Kind);
        Assert.Equal($"{PersonalConversation}|activity-1", set.PlatformMessageRef);
    }

    [Fact]
    public async Task Install_ThenTheConversationUpdateOfTheSameInstall_WelcomesOnce_AndAsksForAMissingTimeZone()
    {
        await using var bed = await StartAsync();

        await bed.PostSignedAsync(Installation(bed, "add", timezone: null));
        var posted = await ConnectorRequestsAsync(bed, 2);
        await bed.PostSignedAsync(Personal(bed, node =>
        {
            node["type"] = "conversationUpdate";
            node["id"] = "f:members-added-1";
            node["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = UserId });
            node.Remove("text");
            node.Remove("entities");
        }));
        await bed.PostSignedAsync(PersonalMessage(bed, "1776000000010", "help"));
        await WaitForRequestAsync(bed, r => r.Body.Contains("MicroMove sends short seated movement sets", StringComparison.Ordinal));

        Assert.Contains(TeamsWelcome.TimeZoneQuestion, CardText(CardAttachment(posted[0])), StringComparison.Ordinal);
        var all = bed.Fake.ConnectorRequests.ToList();
        Assert.Equal(3, all.Count);
        Assert.Single(all, r => r.Body.Contains("Welcome to MicroMove", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstallationUpdateRemove_Personal_StopsPrompting_AndReinstallTurnsItBackOn()
    {
        await using var bed = await StartAsync();
        await bed.PostSignedAsync(Installation(bed, "add", timezone: "Europe/Berlin"));
        await ConnectorRequestsAsync(bed, 2);

        await bed.PostSignedAsync(Installation(bed, "remove", timezone: null, id: "f:remove-1"));
        var removed = await WaitForPersonAsync(bed, p => !p.Active);
        Assert.Equal(TeamsConversationHandler.UninstalledReason, removed.UnreachableReason);

        await bed.PostSignedAsync(Installation(bed, "add", timezone: "Europe/Berlin", id: "f:add-again"));
        var back = await WaitForPersonAsync(bed, p => p.Active);
        Assert.Null(back.UnreachableReason);
        await ConnectorRequestsAsync(bed, 4);
    }

    [Fact]
    public async Task PersonalMessage_NowLegs_PostsAnInstantSetCardWithDone_AndRecordsWhereItWent()
    {
        await using var bed = await StartAsync();

        await bed.PostSignedAsync(PersonalMessage(bed, "1776000000001", "now legs"));

        var request = Assert.Single(await ConnectorRequestsAsync(bed, 1));
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", request.Target);
        var attachment = CardAttachment(request);
        Assert.Equal(OutboundActivity.AdaptiveCardContentType, attachment["contentType"]?.GetValue<string>());
        Assert.True(HasExecute(attachment, "done"), attachment.ToJsonString());
        Assert.Contains("legs", CardText(attachment), StringComparison.OrdinalIgnoreCase);

        var set = await WaitForAsync(bed, async db => await db.PromptDeliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.PlatformMessageRef != null, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryKind.InstantSet, set.Kind);
        Assert.Equal($"{PersonalConversation}|activity-1", set.PlatformMessageRef);
    }

    [Fact]
    public async Task InvokeDone_OnASentPrompt_ReturnsTheRefreshedCard_AndLogsOnce_EvenWhenRepeated()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);

        var first = await bed.PostSignedAsync(Invoke(bed, "done", set.Id.ToString("N"), value: null));
        var second = await bed.PostSignedAsync(Invoke(bed, "done", set.Id.ToString("N"), value: null));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = TeamsTestBed.Json(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(OutboundActivity.AdaptiveCardContentType, body.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.GetProperty("value").GetProperty("type").GetString());
        Assert.Contains("Done", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var again = TeamsTestBed.Json(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(JsonElement.DeepEquals(body, again), again.GetRawText());

        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var entry = Assert.Single(await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(set.Id, entry.DeliveryId);
    }

    [Fact]
    public async Task SubmitFallback_Done_LogsTheSet_AndUpdatesThePromptInPlace()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);

        await bed.PostSignedAsync(Personal(bed, node =>
        {
            node["id"] = "1776000000060";
            node["replyToId"] = "prompt-activity-1";
            node["value"] = new JsonObject { ["verb"] = "done", ["reference"] = set.Id.ToString("N") };
            node.Remove("text");
        }));

        await WaitForRequestAsync(bed, r => r.Method == "PUT");
        var update = Assert.Single(bed.Fake.ConnectorRequests, r => r.Method == "PUT");
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities/prompt-activity-1", update.Target);
        Assert.Contains("Done", CardText(CardAttachment(update)), StringComparison.Ordinal);
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        Assert.Equal(set.Id, Assert.Single(await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).DeliveryId);
    }

    [Fact]
    public async Task InvokeRateAfter3_RecordsFatigueAfter3()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);

        var response = await bed.PostSignedAsync(Invoke(bed, "rateAfter", set.Id.ToString("N"), value: 3));

        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(OutboundActivity.AdaptiveCardContentType, body.GetProperty("type").GetString());
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var entry = Assert.Single(await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((short)3, entry.FatigueAfter);
    }

    [Fact]
    public async Task InvokeRateBefore_ThenDone_LogsTheSetsRoutineMovementsAndRating_AndShowsThemOnTheCard()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);

        var rated = await bed.PostSignedAsync(Invoke(bed, "rateBefore", set.Id.ToString("N"), value: 4));
        var response = await bed.PostSignedAsync(Invoke(bed, "done", set.Id.ToString("N"), value: null));

        // The seeded set has 20 ankle pumps, more than today's range (10–12): it still renders, at 12.
        var ratedBody = TeamsTestBed.Json(await rated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(OutboundActivity.AdaptiveCardContentType, ratedBody.GetProperty("type").GetString());
        Assert.Contains("12 pumps", ratedBody.GetProperty("value").GetRawText(), StringComparison.Ordinal);

        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var entry = Assert.Single(await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((set.PersonId, set.Routine, (short?)4, (short?)null), (entry.PersonId, entry.Routine, entry.FatigueBefore, entry.FatigueAfter));
        Assert.Equal(set.Movements.Select(m => m.Movement), entry.Movements);
        var card = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).GetProperty("value");
        var text = CardText(JsonNode.Parse(card.GetRawText()));
        Assert.Contains($"Done ✓ {MovementCatalogue.Get(RoutineKind.StartOfDay).Name}", text, StringComparison.Ordinal);
        var names = set.Movements.Select(m => MovementSlugs.TryParse(m.Movement, out var id) ? MovementCatalogue.Get(id).Name : m.Movement).ToList();
        Assert.Contains(string.Join(" · ", names), text, StringComparison.Ordinal);
        Assert.Contains(RatingChoice.LabelOf(4), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WithSomeoneElsesReference_LogsNothing()
    {
        await using var bed = await StartAsync();
        var mine = await SentPromptAsync(bed);
        var theirs = await SeedPromptAsync(bed, await SeedColleagueAsync(bed, mine.WorkspaceId));

        var response = await bed.PostSignedAsync(Invoke(bed, "done", theirs.Id.ToString("N"), value: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(OutboundActivity.AdaptiveCardContentType, body.GetProperty("type").GetString());
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        Assert.Empty(await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InvokeDone_BySomeoneMarkedUnreachable_LogsTheSet_AndMakesThemReachableAgain()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);
        await using (var db = PromptWorld.Db(bed.App.ConnectionString))
        {
            await db.People.ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreachableReason, "blocked"), TestContext.Current.CancellationToken);
        }

        var response = await bed.PostSignedAsync(Invoke(bed, "done", set.Id.ToString("N"), value: null));

        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(OutboundActivity.AdaptiveCardContentType, body.GetProperty("type").GetString());
        await using var check = PromptWorld.Db(bed.App.ConnectionString);
        Assert.Equal(set.Id, Assert.Single(await check.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).DeliveryId);
        Assert.Null((await check.People.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).UnreachableReason);
    }

    [Fact]
    public async Task InvokeDone_BySameUserIdFromAnotherTenant_LogsNothing()
    {
        await using var bed = await StartAsync();
        var set = await SentPromptAsync(bed);
        var elsewhere = Invoke(bed, "done", set.Id.ToString("N"), value: null)
            .Replace(TeamsTestBed.TenantId, "another-tenant-0000", StringComparison.Ordinal);

        var response = await bed.PostSignedAsync(elsewhere);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(OutboundActivity.AdaptiveCardContentType, body.GetProperty("type").GetString());
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        Assert.Empty(await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invoke_NotOurs_IsA400ErrorEnvelope_NeverA500()
    {
        await using var bed = await StartAsync();

        var response = await bed.PostSignedAsync(Invoke(bed, "someoneElsesVerb", "x", value: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsTestBed.Json(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResult.ErrorType, body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ChannelMention_Help_RepliesInTheThread_WithTheMentionStripped()
    {
        await using var bed = await StartAsync();

        await bed.PostSignedAsync(Personal(bed, node =>
        {
            node["id"] = "1776000000200";
            node["text"] = "<at>MicroMove</at> help";
            node["conversation"] = new JsonObject
            {
                ["conversationType"] = "channel",
                ["isGroup"] = true,
                ["id"] = ChannelConversation,
                ["tenantId"] = TeamsTestBed.TenantId,
            };
            node["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>MicroMove</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" },
            });
        }));

        var request = Assert.Single(await ConnectorRequestsAsync(bed, 1));
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(ChannelConversation)}/activities/1776000000200", request.Target);
        Assert.Equal("1776000000200", JsonNode.Parse(request.Body)?["replyToId"]?.GetValue<string>());
        var card = CardText(CardAttachment(request));
        Assert.Contains("MicroMove sends short seated movement sets", card, StringComparison.Ordinal);
        Assert.DoesNotContain("NotUnderstood", card, StringComparison.Ordinal);

        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var person = await db.People.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Null(person.ConversationId);
    }

    [Fact]
    public async Task AddedToATeam_ByBothInstallEvents_SaysHelloOnce_AndCreatesNoPerson()
    {
        await using var bed = await StartAsync();
        const string team = "19:efa9296d959346209fea44151c742e73@thread.skype";

        await bed.PostSignedAsync(TeamsTestBed.Fixture("conversation_update_bot_added_team.json", node => node["serviceUrl"] = bed.Fake.ServiceUrl));
        await bed.PostSignedAsync(TeamsTestBed.Fixture("installation_update_add.json", node =>
        {
            node["serviceUrl"] = bed.Fake.ServiceUrl;
            node["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["id"] = team, ["tenantId"] = TeamsTestBed.TenantId };
            node["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTestBed.TenantId } };
        }));
        await bed.PostSignedAsync(PersonalMessage(bed, "1776000000070", "help"));
        await WaitForRequestAsync(bed, r => r.Body.Contains("MicroMove sends short seated movement sets", StringComparison.Ordinal));

        var hello = Assert.Single(bed.Fake.ConnectorRequests, r => r.Target.Contains(Uri.EscapeDataString(team), StringComparison.Ordinal));
        Assert.Equal("POST", hello.Method);
        Assert.Contains("open a personal chat", CardText(CardAttachment(hello)), StringComparison.Ordinal);
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        Assert.Equal(AadObjectId, (await db.People.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).PlatformUserId);
    }

    [Fact]
    public async Task BuildPackage_FillsThePlaceholders_AndZipsTheManifestWithBothIcons()
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "teams", "build-package.sh");
        var output = Directory.CreateTempSubdirectory("micromove-package-");
        try
        {
            var start = new ProcessStartInfo("bash", [script, TeamsTestBed.AppId, "micromove.example.com"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PACKAGE_OUT_DIR"] = output.FullName },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, await stderr);

            await using var zip = await ZipFile.OpenReadAsync(Path.Combine(output.FullName, "micromove-teams.zip"), TestContext.Current.CancellationToken);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

            var manifestText = await ReadAsync(zip, "manifest.json");
            Assert.DoesNotContain("{{", manifestText, StringComparison.Ordinal);
            var manifest = JsonNode.Parse(manifestText) ?? throw new InvalidOperationException("empty manifest");
            Assert.Equal(TeamsTestBed.AppId, manifest["id"]?.GetValue<string>());
            Assert.Equal(TeamsTestBed.AppId, manifest["bots"]?[0]?["botId"]?.GetValue<string>());
            Assert.Equal("micromove.example.com", manifest["validDomains"]?[0]?.GetValue<string>());
            Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]?[0]?["scopes"]?.AsArray().Select(s => s?.GetValue<string>()));
            var personalCommands = manifest["bots"]?[0]?["commandLists"]?[0]?["commands"]?.AsArray().Select(c => c?["title"]?.GetValue<string>()).ToList();
            Assert.Equal(["now", "pause", "resume", "schedule", "stats", "log", "export", "delete my data", "help"], personalCommands);

            Assert.Equal((192, 192), await PngSizeAsync(zip, "color.png"));
            Assert.Equal((32, 32), await PngSizeAsync(zip, "outline.png"));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The test bed keeping the app's own handler (<see cref="TeamsConversationHandler"/>).</summary>
    private Task<TeamsTestBed> StartAsync() => TeamsTestBed.StartAsync(server, handler: _ => null);

    /// <summary>A personal-chat activity from Megan on the fake Connector, edited by <paramref name="edit"/>.</summary>
    private static string Personal(TeamsTestBed bed, Action<JsonObject> edit) => TeamsTestBed.Fixture("message_activity.json", node =>
    {
        node["serviceUrl"] = bed.Fake.ServiceUrl;
        node["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Megan Bowen", ["aadObjectId"] = AadObjectId };
        node["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" };
        node["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = PersonalConversation, ["tenantId"] = TeamsTestBed.TenantId };
        node["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTestBed.TenantId } };
        node.Remove("attachments");
        edit(node);
    });

    private static string PersonalMessage(TeamsTestBed bed, string id, string text) => Personal(bed, node =>
    {
        node["id"] = id;
        node["text"] = text;
    });

    /// <summary>The installationUpdate fixture, moved to Megan's personal chat.</summary>
    private static string Installation(TeamsTestBed bed, string action, string? timezone, string id = "f:3033745319439849398") =>
        TeamsTestBed.Fixture("installation_update_add.json", node =>
        {
            node["id"] = id;
            node["action"] = action;
            node["serviceUrl"] = bed.Fake.ServiceUrl;
            node["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = AadObjectId };
            node["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "MicroMove" };
            node["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = PersonalConversation, ["tenantId"] = TeamsTestBed.TenantId };
            node["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTestBed.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } };
            var clientInfo = new JsonObject { ["type"] = "clientInfo", ["locale"] = "en", ["platform"] = "Windows" };
            if (timezone is not null)
            {
                clientInfo["timezone"] = timezone;
            }

            node["entities"] = new JsonArray(clientInfo);
        });

    /// <summary>An <c>adaptiveCard/action</c> invoke from Megan's personal chat, shaped like the fixture.</summary>
    private static string Invoke(TeamsTestBed bed, string verb, string reference, int? value) => Personal(bed, node =>
    {
        var invoke = JsonNode.Parse(TeamsTestBed.Fixture("invoke_adaptive_card_action.json"))?.AsObject() ?? [];
        var data = new JsonObject { ["reference"] = reference };
        if (value is { } number)
        {
            data["value"] = number;
        }

        var action = TeamsTestBed.Child(TeamsTestBed.Child(invoke, "value"), "action");
        action["verb"] = verb;
        action["data"] = data;
        node["type"] = "invoke";
        node["name"] = invoke["name"]?.GetValue<string>();
        node["value"] = TeamsTestBed.Child(invoke, "value").DeepClone();
        node["id"] = $"f:invoke-{Guid.NewGuid():N}";
        node.Remove("text");
    });

    /// <summary>Megan says help (so she exists, with her conversation), then gets a prompt with status sent.</summary>
    private static async Task<PromptDeliveryEntity> SentPromptAsync(TeamsTestBed bed)
    {
        await bed.PostSignedAsync(PersonalMessage(bed, "1776000000050", "help"));
        await ConnectorRequestsAsync(bed, 1);
        var person = await WaitForPersonAsync(bed, p => p.ConversationId == PersonalConversation);
        return await SeedPromptAsync(bed, person);
    }

    private static async Task<PromptDeliveryEntity> SeedPromptAsync(TeamsTestBed bed, PersonEntity person)
    {
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var set = new PromptDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            WorkspaceId = person.WorkspaceId,
            Kind = DeliveryKind.Prompt,
            SlotKey = "2030-01-14T09:00/start-of-day",
            Routine = "start-of-day",
            DueAt = TeamsTestBed.Now,
            Movements = [new DeliveredMovement("scapular-retraction-pulses", 10), new DeliveredMovement("ankle-pumps", 20)],
            Tip = "HoldingBreath",
            Status = DeliveryStatus.Sent,
            SentAt = TeamsTestBed.Now,
            CreatedAt = TeamsTestBed.Now,
            PlatformMessageRef = $"{person.ConversationId}|prompt-activity-1",
        };
        db.PromptDeliveries.Add(set);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return set;
    }

    private static async Task<PersonEntity> SeedColleagueAsync(TeamsTestBed bed, Guid workspaceId)
    {
        await using var db = PromptWorld.Db(bed.App.ConnectionString);
        var megan = await db.People.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        var colleague = new PersonEntity
        {
            WorkspaceId = workspaceId,
            PlatformUserId = "aad-of-a-colleague",
            DisplayName = "Colleague",
            TimeZoneId = megan.TimeZoneId,
            Schedule = megan.Schedule,
            ConversationId = "a:1colleague",
            CreatedAt = TeamsTestBed.Now,
        };
        db.People.Add(colleague);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return colleague;
    }

    /// <summary>Waits (activities are handled after the 200, on the worker) until the fake Connector got <paramref name="count"/> requests.</summary>
    private static async Task<List<RecordedRequest>> ConnectorRequestsAsync(TeamsTestBed bed, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (bed.Fake.ConnectorRequests.Count < count && TimeProvider.System.GetElapsedTime(started) < WaitLimit)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        var requests = bed.Fake.ConnectorRequests.ToList();
        Assert.True(requests.Count >= count, $"expected {count} Connector requests, got {requests.Count}");
        return requests;
    }

    /// <summary>Waits until the fake Connector got a request matching <paramref name="match"/>; activities are handled in order.</summary>
    private static async Task WaitForRequestAsync(TeamsTestBed bed, Func<RecordedRequest, bool> match)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!bed.Fake.ConnectorRequests.Any(match))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < WaitLimit, "the expected Connector request never came");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    private static Task<PersonEntity> WaitForPersonAsync(TeamsTestBed bed, Func<PersonEntity, bool> condition) =>
        WaitForAsync(bed, async db =>
        {
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.PlatformUserId == AadObjectId, TestContext.Current.CancellationToken);
            return person is not null && condition(person) ? person : null;
        });

    private static async Task<T> WaitForAsync<T>(TeamsTestBed bed, Func<Infrastructure.Persistence.MicroMoveDbContext, Task<T?>> read)
        where T : class
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            await using (var db = PromptWorld.Db(bed.App.ConnectionString))
            {
                if (await read(db) is { } found)
                {
                    return found;
                }
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < WaitLimit, "the expected row never appeared");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    private static JsonObject CardAttachment(RecordedRequest request)
    {
        var attachments = JsonNode.Parse(request.Body)?["attachments"]?.AsArray() ?? throw new InvalidOperationException($"no attachments: {request.Body}");
        return Assert.Single(attachments)?.AsObject() ?? throw new InvalidOperationException("null attachment");
    }

    /// <summary>Every string in the card, unescaped, one per line: what the card says.</summary>
    private static string CardText(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(pair => CardText(pair.Value))),
        JsonArray a => string.Join('\n', a.Select(CardText)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => string.Empty,
    };

    /// <summary>True when the card has an Action.Execute with <paramref name="verb"/> anywhere in it.</summary>
    private static bool HasExecute(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["type"]?.GetValueKind() == JsonValueKind.String && o["type"]?.GetValue<string>() == "Action.Execute"
            && o["verb"]?.GetValueKind() == JsonValueKind.String && o["verb"]?.GetValue<string>() == verb => true,
        JsonObject o => o.Any(pair => HasExecute(pair.Value, verb)),
        JsonArray a => a.Any(item => HasExecute(item, verb)),
        _ => false,
    };

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} missing");
        await using var stream = await entry.OpenAsync(TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian).</summary>
    private static async Task<(int Width, int Height)> PngSizeAsync(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} missing");
        await using var stream = await entry.OpenAsync(TestContext.Current.CancellationToken);
        var header = new byte[24];
        await stream.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(header, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "deploy", "teams", "build-package.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("deploy/teams/build-package.sh not found above the test output");
    }
}
