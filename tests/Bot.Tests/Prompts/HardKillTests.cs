using System.Diagnostics;
using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Slack;
using MicroMove.Bot.Tests.Hosting;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>
/// The built bot as its own process, sending to a slow Slack, killed with SIGKILL in the middle
/// of a batch, then a new process on the same database. Claims the dead process had not begun
/// sending are taken over when their lease runs out and sent once; sends it had begun (the post
/// may be in Slack) are failed as uncertain and never posted again. Nobody gets a prompt twice.
/// </summary>
public sealed class HardKillTests(PostgresServer server)
{
    private const int Workspaces = 4;

    // Per workspace, no more than Slack's chat.postMessage burst our client allows (30): the
    // client-side limiter never makes a send wait, so "sending" means "the post is on its way".
    private const int PeoplePerWorkspace = 30;

    private const int People = Workspaces * PeoplePerWorkspace;

    [Fact]
    public async Task KilledMidBatch_NewHostSendsTheRest_NothingPostedTwice_BegunSendsFailedAsUncertain()
    {
        var cancel = TestContext.Current.CancellationToken;
        var db = await server.CreateMigratedDatabaseAsync();
        var key = CredentialProtector.NewBase64Key();
        await using var slack = await SlowSlackApi.StartAsync(TimeSpan.FromMilliseconds(800));
        var channelOf = await SeedAsync(db, CredentialProtector.FromBase64(key));

        Dictionary<Guid, DeliveryStatus> atKill;
        await using (var first = BotProcess.Start(Settings(db, key, slack)))
        {
            Assert.True(await WaitForAsync(() => Task.FromResult(slack.Posts >= 20 || first.HasExited)), "the first bot should start posting\n" + first.Output);
            Assert.False(first.HasExited, first.Output);
            await first.KillAsync();
        }

        await using (var read = PromptWorld.Db(db))
        {
            atKill = await read.PromptDeliveries.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Status, cancel);
        }

        // The kill caught the first bot with posts on the wire, and with deliveries it had not begun:
        // still pending, or claimed (the worker claims only as many as it can start at once, so
        // there are seldom claimed ones at the instant of the kill; those that are must be taken over).
        var begun = atKill.Where(d => d.Value == DeliveryStatus.Sending).Select(d => d.Key).ToHashSet();
        var claimed = atKill.Where(d => d.Value == DeliveryStatus.Claimed).Select(d => d.Key).ToHashSet();
        Assert.NotEmpty(begun);
        Assert.Contains(atKill.Values, status => status is DeliveryStatus.Pending or DeliveryStatus.Claimed);
        Assert.Equal(People, atKill.Count);

        await using (var second = BotProcess.Start(Settings(db, key, slack)))
        {
            Assert.True(await WaitForAsync(async () => await OpenCountAsync(db) == 0 || second.HasExited), "the second bot should finish every delivery\n" + second.Output);
            Assert.False(second.HasExited, second.Output);
        }

        await using var final = PromptWorld.Db(db);
        var deliveries = await final.PromptDeliveries.AsNoTracking().ToListAsync(cancel);
        var posts = slack.PostsByChannel();
        Assert.Equal(People, deliveries.Count);
        Assert.Equal(People, deliveries.Select(d => d.PersonId).Distinct().Count());
        Assert.All(posts, channel => Assert.Equal(1, channel.Value)); // nobody was posted to twice

        // Begun sends: exactly those are failed as uncertain, each posted at most once (never re-sent).
        var doubted = deliveries.Where(d => d.Status == DeliveryStatus.Failed).ToList();
        Assert.Equal(begun.Order(), doubted.Select(d => d.Id).Order());
        Assert.All(doubted, d => Assert.Equal(DeliveryQueue.AbandonedSendReason, d.LastError));
        Assert.All(doubted, d => Assert.InRange(posts.GetValueOrDefault(channelOf[d.PersonId!.Value]), 0, 1));

        // Everything else was sent, and Slack got exactly one post for it; the dead bot's
        // claims were taken over when their lease ran out, on a second attempt.
        var sent = deliveries.Where(d => d.Status == DeliveryStatus.Sent).ToList();
        Assert.Equal(People - begun.Count, sent.Count);
        Assert.All(sent, d => Assert.Equal(1, posts.GetValueOrDefault(channelOf[d.PersonId!.Value])));
        Assert.All(sent, d => Assert.StartsWith(channelOf[d.PersonId!.Value] + "|", d.PlatformMessageRef, StringComparison.Ordinal));
        Assert.All(deliveries.Where(d => claimed.Contains(d.Id)), d => Assert.Equal((DeliveryStatus.Sent, 2), (d.Status, d.Attempts)));
    }

    private static Dictionary<string, string> Settings(string db, string key, SlowSlackApi slack) => new()
    {
        ["ConnectionStrings__MicroMove"] = db,
        ["Security__CredentialKey"] = key,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PostgresServer.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}",
        ["Slack__SigningSecret"] = "hard-kill-test-signing-secret",
        ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Prompts__DispatchInterval"] = "00:00:01",
        ["Prompts__IdlePoll"] = "00:00:00.200",
        ["Prompts__Lease"] = "00:00:10",
        ["Prompts__ClaimBatchSize"] = "50",
        ["Prompts__SendConcurrency"] = "8",
    };

    /// <summary>Slack workspaces with sealed bot tokens and people due a minute ago, each with a known DM channel. Returns person → channel.</summary>
    private static async Task<Dictionary<Guid, string>> SeedAsync(string db, CredentialProtector protector)
    {
        var (schedule, dueAt) = ClusterTests.ScheduleDueAMinuteAgo();
        await using var write = PromptWorld.Db(db);
        var channels = new Dictionary<Guid, string>();
        for (var w = 0; w < Workspaces; w++)
        {
            var teamId = $"TKILL{w}";
            var workspace = new WorkspaceEntity
            {
                Platform = ChatPlatform.Slack,
                ExternalId = teamId,
                Name = $"Kill {w}",
                Active = true,
                EncryptedCredentials = protector.Protect($"xoxb-kill-{w}", SlackWorkspaceTokens.ProtectionContext(teamId)),
                CreatedAt = DateTimeOffset.UnixEpoch,
            };
            write.Workspaces.Add(workspace);
            for (var i = 0; i < PeoplePerWorkspace; i++)
            {
                var channel = $"D{w}K{i:D4}";
                var person = new PersonEntity
                {
                    WorkspaceId = workspace.Id,
                    PlatformUserId = $"U{w}K{i:D4}",
                    DisplayName = $"Person {w}-{i}",
                    TimeZoneId = schedule.TimeZoneId,
                    Schedule = ScheduleMapping.ToSettings(schedule),
                    NextPromptAt = dueAt,
                    ConversationId = channel,
                    Active = true,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                };
                person.Apply(schedule);
                write.People.Add(person);
                channels[person.Id] = channel;
            }
        }

        await write.SaveChangesAsync();
        return channels;
    }

    private static async Task<int> OpenCountAsync(string db)
    {
        await using var read = PromptWorld.Db(db);
        var people = await read.People.CountAsync();
        var open = await read.PromptDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Claimed || d.Status == DeliveryStatus.Sending);
        var all = await read.PromptDeliveries.CountAsync();
        return all < people ? people - all + open : open;
    }

    /// <summary>Polls until <paramref name="done"/>; the bound only keeps a broken run from hanging, nothing is timed.</summary>
    private static async Task<bool> WaitForAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
