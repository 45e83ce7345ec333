using System.Globalization;
using System.Net;
using MicroMove.Bot.Slack;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// Slack issue benchmark: signed <c>/micromove now</c> end to end — verify the signature, ack,
/// find the person, plan the set, persist it, post it to the DM and answer the person where they
/// typed — timed from sending the command until both the set's chat.postMessage into the DM has
/// arrived at the fake and the answer has (in the ack's body, or on the response_url). Beside it, in
/// the same run, a bare ASP.NET Core endpoint receiving the same signed form. Goal: at least a
/// quarter of the bare endpoint's throughput, p99 under 25 ms at that load.
/// </summary>
internal static class SlackCommandBenchmark
{
    private const int Workspaces = 200;
    private const int UsersPerWorkspace = 10;

    public static async Task RunAsync(BenchDatabase server, int requests, int concurrency)
    {
        Console.WriteLine($"Slack /micromove now, end to end: {requests:N0} signed requests, {concurrency} concurrent callers, "
            + $"{Workspaces * UsersPerWorkspace:N0} people in {Workspaces} workspaces");
        var connectionString = await server.CreateAsync("bench_slack_now");
        await using var slack = await BenchSlackApi.StartAsync();
        await using var bare = await BareEndpoint.StartAsync();
        await using var host = new BotHost(connectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = BenchSigner.Secret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts"] = "127.0.0.1",
        });
        var bot = host.Start();
        await SeedWorkspacesAsync(host);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, UseCookies = false });
        var commands = new Uri(bot, "/slack/commands");
        var hook = 0;

        // Warm-up: every person's first contact (users.info, the welcome DM), JIT and pools.
        var people = Workspaces * UsersPerWorkspace;
        var warmUp = await LoadRun.RunAsync("warm-up: first contact + help", people, concurrency,
            i => CommandAsync(http, slack, commands, Interlocked.Increment(ref hook), i % people, "help"));
        Console.WriteLine(warmUp.Line());
        // And the measured path itself, until the JIT has tiered it up (as many as measured, at most 5,000):
        // otherwise a short run measures the compiler.
        var warmNow = await LoadRun.RunAsync("warm-up: now", Math.Min(requests, 5_000), concurrency, i =>
            CommandAsync(http, slack, commands, Interlocked.Increment(ref hook), i % people, "now", _ => { }));
        Console.WriteLine(warmNow.Line());
        await LoadRun.RunAsync("warm-up: bare", Math.Min(requests, 5_000), concurrency, _ => BareAsync(http, bare.Address));

        using var cost = new RunCost();
        var bareStart = cost.Take(server);
        var baseline = await LoadRun.RunAsync("bare ASP.NET Core endpoint (same form)", requests, concurrency, _ => BareAsync(http, bare.Address));
        var bareEnd = cost.Take(server);
        var acks = new double[requests];
        var answeredInAck = 0;
        var setsBefore = await CountInstantSetsAsync(host);
        var nowStart = cost.Take(server);
        var now = await LoadRun.RunAsync("/micromove now (ack → set in DM + answer)", requests, concurrency, async i =>
        {
            var begun = System.Diagnostics.Stopwatch.GetTimestamp();
            var ok = await CommandAsync(http, slack, commands, Interlocked.Increment(ref hook), i % people, "now", inBody =>
            {
                acks[i] = System.Diagnostics.Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                if (inBody)
                {
                    Interlocked.Increment(ref answeredInAck);
                }
            });
            return ok;
        });
        var nowEnd = cost.Take(server);
        Array.Sort(acks);

        Console.WriteLine(baseline.Line());
        Console.WriteLine(RunCost.Describe(bareStart, bareEnd, requests));
        Console.WriteLine(now.Line());
        Console.WriteLine(RunCost.Describe(nowStart, nowEnd, requests));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  acks alone: p50 {acks[acks.Length / 2]:0.00} ms, p99 {acks[(int)(acks.Length * 0.99)]:0.00} ms; answered in the ack's body: {answeredInAck:N0} of {requests:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  throughput ratio now / bare: {now.PerSecond / baseline.PerSecond:0.000} (goal ≥ 0.250); p99 {now.Percentile(99):0.0} ms (goal < 25 ms); DM posts {slack.Posted:N0}"));

        // Recorded once each, and each with its place in the DM (written just after the post, so give it a moment).
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (sets, placed) = await CountInstantSetsAsync(host);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  instant sets stored: {sets - setsBefore.Sets:N0} (expected {requests:N0}), with their DM message recorded: {placed - setsBefore.Placed:N0}"));
        await host.DisposeAsync();
        await server.DropAsync("bench_slack_now");
    }

    private static async Task<bool> CommandAsync(
        HttpClient http, BenchSlackApi slack, Uri commands, int hook, int person, string text, Action<bool>? acked = null)
    {
        var team = Team(person / UsersPerWorkspace);
        var user = $"U{person.ToString("D6", CultureInfo.InvariantCulture)}";
        // The fake's conversations.open names a user's DM "D" + user id; only `now` waits for a post there.
        var dm = $"D{user}";
        var posted = acked is null ? Task.CompletedTask : slack.PostedTo(dm);
        var body = $"token=ignored&team_id={team}&team_domain=bench&channel_id=C0GENERAL&channel_name=general&user_id={user}&user_name={user.ToLowerInvariant()}"
            + $"&command=%2Fmicromove&text={Uri.EscapeDataString(text)}&api_app_id=A0BENCH&is_enterprise_install=false"
            + $"&response_url={Uri.EscapeDataString(slack.HookUrl(hook).ToString())}&trigger_id=1.2.{hook}";
        var answered = slack.HookCalled(hook);
        using var request = BenchSigner.SignedForm(commands, body);
        using var response = await http.SendAsync(request);
        var ackBody = await response.Content.ReadAsStringAsync();
        // An answer in the ack's body ({"response_type":"ephemeral","text":…}) needs no response_url call.
        var inBody = ackBody.Contains("\"text\"", StringComparison.Ordinal);
        acked?.Invoke(inBody);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            slack.Forget(hook);
            slack.ForgetPost(dm);
            Failures.Report($"HTTP {(int)response.StatusCode}: {ackBody}");
            return false;
        }

        try
        {
            await Task.WhenAll(posted, inBody ? Task.CompletedTask : answered).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Failures.Report($"no DM post or no answer within 30 s for {user} ({text})");
            slack.ForgetPost(dm);
            throw;
        }
        finally
        {
            slack.Forget(hook);
        }

        return true;
    }

    private static async Task<bool> BareAsync(HttpClient http, Uri bare)
    {
        var body = "token=ignored&team_id=T000000&team_domain=bench&channel_id=C0GENERAL&channel_name=general&user_id=U000000&user_name=u"
            + "&command=%2Fmicromove&text=now&api_app_id=A0BENCH&is_enterprise_install=false&response_url=http%3A%2F%2F127.0.0.1%2Fhooks%2F1&trigger_id=1.2.3";
        using var request = BenchSigner.SignedForm(bare, body);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<(int Sets, int Placed)> CountInstantSetsAsync(BotHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var sets = await db.PromptDeliveries.CountAsync(d => d.Kind == DeliveryKind.InstantSet);
        var placed = await db.PromptDeliveries.CountAsync(d => d.Kind == DeliveryKind.InstantSet && d.PlatformMessageRef != null);
        return (sets, placed);
    }

    private static string Team(int index) => $"T{index.ToString("D6", CultureInfo.InvariantCulture)}";

    private static async Task SeedWorkspacesAsync(BotHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<CredentialProtector>();
        for (var w = 0; w < Workspaces; w++)
        {
            var team = Team(w);
            db.Workspaces.Add(new WorkspaceEntity
            {
                Platform = ChatPlatform.Slack,
                ExternalId = team,
                Name = $"Bench {team}",
                EncryptedCredentials = protector.Protect($"xoxb-bench-{team}", SlackWorkspaceTokens.ProtectionContext(team)),
                CreatedAt = TimeProvider.System.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
    }
}
