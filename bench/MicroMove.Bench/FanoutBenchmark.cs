using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MicroMove.Bot.Slack;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Security;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bench;

/// <summary>
/// Benchmark "fanout": everyone due at once, sent end to end by one real bot process (its
/// Quartz dispatch, delivery workers, SlackGateway and TeamsGateway HTTP clients) to
/// <see cref="FakePlatform"/> on loopback. First with no limits in the way (the fake enforces
/// none, and workspaces and tenants are small enough that the bot's own limiters never wait):
/// prompts/s from the first dispatch to the last send. Then with the fake enforcing the published
/// limits: the rate each workspace and tenant achieved as a share of its limit, and 429s as a
/// share of requests. Last, the fake's raw capacity with a plain HttpClient loop, for a ratio.
/// </summary>
internal static class FanoutBenchmark
{
    private const int OpenSlackPerWorkspace = 20;
    private const int OpenTeamsPerTenant = 50;
    private const int LimitedSlackWorkspaces = 10;
    private const int LimitedSlackPerWorkspace = 200;
    private const int LimitedTenants = 4;
    private const int LimitedTeamsPerTenant = 1_000;

    /// <summary>
    /// Before the limited run, a crowd in workspaces and tenants of its own, each within its burst (so the
    /// fake throttles none of it), warms the new bot process up: its figures are not counted.
    /// </summary>
    private static readonly Population LimitedWarmUpCrowd = new(100, 10, 40, 25);
    private const int BaselineConcurrency = 32;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(BenchDatabase server, int slackPeople, int teamsPeople, IReadOnlyDictionary<string, string> botSettings)
    {
        await using var platform = await FakePlatform.StartAsync();
        Console.WriteLine($"Fan-out: one bot process, fake Slack and Teams on {platform.BaseUrl} (load average now {LoadAverage()}, {Environment.ProcessorCount} cores)");
        if (botSettings.Count > 0)
        {
            Console.WriteLine($"  bot settings: {string.Join(", ", botSettings.Select(s => $"{s.Key}={s.Value}"))}");
        }

        Outcome? open = null;
        platform.Reset(enforceLimits: false);
        if (slackPeople + teamsPeople > 0)
        {
            open = await OpenAsync(server, platform, slackPeople, teamsPeople, botSettings);
        }

        platform.Reset(enforceLimits: true);
        await LimitedAsync(server, platform, botSettings);

        platform.Reset(enforceLimits: false);
        var baseline = await BaselineAsync(platform, slackPeople, teamsPeople);
        if (open is not null && baseline > 0)
        {
            Console.WriteLine($"  pipeline / raw capacity: {open.Rate / baseline:P0}");
        }
    }

    private static async Task<Outcome?> OpenAsync(BenchDatabase server, FakePlatform platform, int slackPeople, int teamsPeople, IReadOnlyDictionary<string, string> botSettings)
    {
        var slackWorkspaces = slackPeople == 0 ? 0 : Math.Max(1, (slackPeople + OpenSlackPerWorkspace - 1) / OpenSlackPerWorkspace);
        var tenants = teamsPeople == 0 ? 0 : Math.Max(1, (teamsPeople + OpenTeamsPerTenant - 1) / OpenTeamsPerTenant);
        Console.WriteLine($"No limits: {slackPeople:N0} Slack people in {slackWorkspaces:N0} workspaces, {teamsPeople:N0} Teams people in {tenants:N0} tenants (none past a burst, so no limiter waits)");
        var population = new Population(slackWorkspaces, slackWorkspaces == 0 ? 0 : slackPeople / slackWorkspaces, tenants, tenants == 0 ? 0 : teamsPeople / tenants);
        var open = await RunAsync(server, platform, population, botSettings, warmUpCrowd: population);
        if (open is not null)
        {
            Console.WriteLine($"  {open.Rate,8:N0} prompts/s end to end (goal >= 2,000/s)");
        }

        return open;
    }

    private static async Task LimitedAsync(BenchDatabase server, FakePlatform platform, IReadOnlyDictionary<string, string> botSettings)
    {
        var limited = new Population(LimitedSlackWorkspaces, LimitedSlackPerWorkspace, LimitedTenants, LimitedTeamsPerTenant);
        Console.WriteLine(
            $"Published limits: {limited.SlackPeople:N0} Slack people in {LimitedSlackWorkspaces} workspaces ({FakePlatform.SlackWorkspaceRate}/s each, bursts of {FakePlatform.SlackWorkspaceBurst}), "
            + $"{limited.TeamsPeople:N0} Teams people in {LimitedTenants} tenants ({FakePlatform.TeamsTenantRate}/s each)");
        if (await RunAsync(server, platform, limited, botSettings, LimitedWarmUpCrowd) is not null)
        {
            PrintShares(platform, "slack", FakePlatform.SlackWorkspaceRate, FakePlatform.SlackWorkspaceBurst);
            PrintShares(platform, "teams", FakePlatform.TeamsTenantRate, FakePlatform.TeamsTenantBurst);
            var share = platform.Requests == 0 ? 0 : (double)platform.Throttled / platform.Requests;
            Console.WriteLine($"  429s: {platform.Throttled:N0} of {platform.Requests:N0} requests = {share:P2} (goal < 1%)");
        }
    }

    /// <summary>
    /// One bot process sends everyone's prompt. First a warm-up crowd in workspaces and tenants of its own gets
    /// theirs, then everyone else, measured: a node runs for days, so what counts is its pace once the JIT has
    /// compiled the send path, not the first seconds of a new process. (With a warm-up of one prompt per workspace,
    /// 1,200 prompts, the runtime's tiering thread still took about a third of the bot's CPU in the measured part;
    /// the no-limits run therefore warms up on a crowd as large as the one it measures.)
    /// </summary>
    private static async Task<Outcome?> RunAsync(
        BenchDatabase server, FakePlatform platform, Population population, IReadOnlyDictionary<string, string> botSettings, Population warmUpCrowd)
    {
        const string name = "bench_fanout";
        var db = await server.CreateAsync(name);
        try
        {
            var key = CredentialProtector.NewBase64Key();
            var seeding = Stopwatch.StartNew();
            var protector = CredentialProtector.FromBase64(key);
            await SeedAsync(db, protector, platform, warmUpCrowd, "W", dueNow: true);
            var dueAt = await SeedAsync(db, protector, platform, population, "B", dueNow: false);
            await BenchDatabase.ExecuteAsync(db, "VACUUM ANALYZE");
            Console.WriteLine($"  seeded {population.Total + warmUpCrowd.Total:N0} people in {seeding.Elapsed.TotalSeconds:0.0} s");

            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__MicroMove"] = db,
                ["Security__CredentialKey"] = key,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Slack__SigningSecret"] = "bench-signing-secret",
                ["Slack__ApiBaseUrl"] = platform.SlackApiBaseUrl,
                ["Teams__AppId"] = "00000000-0000-4000-8000-00000000b0b0",
                ["Teams__AppPassword"] = "bench-app-password",
                ["Teams__TokenEndpoint"] = platform.TeamsTokenEndpoint,
                ["Teams__OpenIdMetadataUrl"] = platform.BaseUrl + "teams/openid",
            };
            foreach (var (setting, value) in botSettings)
            {
                settings[setting] = value;
            }

            var clock = Stopwatch.StartNew();
            await using var bot = BenchBotProcess.Start(settings);
            var warmUps = warmUpCrowd.Total;
            if (!await WaitForAsync(db, bot, clock, warmUps))
            {
                return null;
            }

            // The warm-up's requests are not the run's: the fake's counters start afresh.
            platform.Reset(platform.EnforceLimits);
            var processorBefore = bot.ProcessorTime;
            var since = await ReleaseTheRestAsync(db, dueAt);
            var measured = population.Total;
            Console.WriteLine($"  warm-up: {warmUps:N0} prompts to a crowd of workspaces and tenants of its own sent in {clock.Elapsed.TotalSeconds:0.0} s; now the {measured:N0}, measured");
            if (!await WaitForAsync(db, bot, clock, warmUps + measured))
            {
                return null;
            }

            var processor = bot.ProcessorTime - processorBefore;
            var outcome = await OutcomeAsync(db, since);
            Console.WriteLine(
                $"  sent {outcome.Sent:N0}, failed {outcome.Failed:N0}; first dispatch -> last send {outcome.Span.TotalSeconds:0.0} s = {outcome.Rate:N0} prompts/s; "
                + $"sent after the first dispatch: p50 {outcome.LagP50:0.0} s, p99 {outcome.LagP99:0.0} s; "
                + $"bot CPU {processor.TotalSeconds:0.0} s = {processor.TotalMicroseconds / Math.Max(1, outcome.Sent):N0} µs a prompt");
            foreach (var line in outcome.Platforms)
            {
                Console.WriteLine($"    {line}");
            }

            foreach (var (reason, count) in outcome.Failures)
            {
                Console.WriteLine($"    failed x{count:N0}: {reason}");
            }

            return outcome;
        }
        finally
        {
            // MICROMOVE_BENCH_KEEP_DATABASE=1 keeps the last run's database (e.g. to read every send's sent_at afterwards).
            if (Environment.GetEnvironmentVariable("MICROMOVE_BENCH_KEEP_DATABASE") != "1")
            {
                await server.DropAsync(name);
            }
        }
    }

    /// <summary>
    /// Per workspace or tenant, as a share of the limit: the rate sustained after the initial burst, read two ways —
    /// the least-squares slope of its accepted sends over time (what the goal is judged by), and the older
    /// "(accepted − burst) / span", which also counts how the run's last window was filled (see
    /// <see cref="FakePlatform.Partition.SustainedRate"/>).
    /// </summary>
    private static void PrintShares(FakePlatform platform, string kind, double rate, int burst)
    {
        var partitions = platform.Partitions.Where(p => p.Platform == kind && p.AcceptedCount > burst && p.Span > TimeSpan.Zero).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (partitions.Count == 0)
        {
            return;
        }

        var spans = partitions.Select(p => (p.AcceptedCount - burst) / p.Span.TotalSeconds / rate).ToList();
        var slopes = partitions.Select(p => (p.SustainedRate() ?? 0) / rate).ToList();
        var label = kind == "slack" ? "Slack workspace" : "Teams tenant";
        Console.WriteLine(
            $"  per {label}: sustained {slopes.Average() * rate:0.00}/s = {slopes.Average():P1} of {rate}/s (min {slopes.Min():P1}, max {slopes.Max():P1}; goal >= 95%)"
            + $"; (accepted - burst) / span: {spans.Average():P1} (min {spans.Min():P1}); 429s {partitions.Sum(p => p.ThrottledCount):N0}");
        for (var i = 0; i < partitions.Count; i++)
        {
            var partition = partitions[i];

            // When the 429s came tells start-up bunching (around 1 s) from steady-state jitter; each one's retry
            // waits its Retry-After, so one in a workspace's last second stretches its span by up to a second.
            var at = partition.ThrottledCount == 0 ? string.Empty : $" (at {string.Join(", ", partition.ThrottledAt.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s)";
            Console.WriteLine($"    {partition.Id}: {partition.AcceptedCount:N0} sent in {partition.Span.TotalSeconds:0.0} s, sustained {slopes[i]:P1}, (accepted - burst) / span {spans[i]:P1}, {partition.ThrottledCount} x 429{at}");
        }
    }

    /// <summary>The fake's capacity with no bot: the bodies the bot sent, posted by a plain HttpClient, 32 in flight.</summary>
    private static async Task<double> BaselineAsync(FakePlatform platform, int slackPosts, int teamsPosts)
    {
        if (platform.SampleSlackBody is null && platform.SampleTeamsBody is null)
        {
            return 0;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = BaselineConcurrency }) { BaseAddress = new Uri(platform.BaseUrl) };
        var total = slackPosts + teamsPosts;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = BaselineConcurrency }, async (i, cancel) =>
        {
            using var request = i < slackPosts && platform.SampleSlackBody is { } slack
                ? new HttpRequestMessage(HttpMethod.Post, "slack/api/chat.postMessage") { Content = new StringContent(slack, Encoding.UTF8, "application/json") }
                : new HttpRequestMessage(HttpMethod.Post, (platform.SampleTeamsPath ?? "/").TrimStart('/')) { Content = new StringContent(platform.SampleTeamsBody ?? "{}", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-bench-baseline");
            using var response = await http.SendAsync(request, cancel);
            await response.Content.ReadAsByteArrayAsync(cancel);
        });
        var rate = total / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Baseline: the fake's raw capacity, plain HttpClient, {BaselineConcurrency} in flight, the same bodies: {total:N0} posts in {clock.Elapsed.TotalSeconds:0.0} s = {rate:N0} posts/s");
        return rate;
    }

    /// <summary>Until <paramref name="expected"/> deliveries exist and none is open; false (with the bot's last lines) after 15 minutes or if the bot exited.</summary>
    private static async Task<bool> WaitForAsync(string db, BenchBotProcess bot, Stopwatch clock, long expected)
    {
        var (total, openCount) = (0L, 0L);
        while (clock.Elapsed < TimeSpan.FromMinutes(15) && !bot.HasExited)
        {
            (total, openCount) = await ProgressAsync(db);
            if (total == expected && openCount == 0)
            {
                return true;
            }

            await Task.Delay(1_000); // the poll counts every row: often enough, without taking the measured PostgreSQL's time
        }

        var exited = bot.HasExited ? " (the bot exited)" : string.Empty;
        Console.WriteLine($"  did not finish{exited}: {total:N0} of {expected:N0} deliveries, {openCount:N0} still open after {clock.Elapsed.TotalSeconds:0} s; the bot's last lines:\n{bot.LastLines}");
        return false;
    }

    /// <summary>Everyone held back by the warm-up becomes due for the same start-of-day set (a few minutes old now, well within its usefulness); returns the database's now, from which the run is measured.</summary>
    private static async Task<DateTimeOffset> ReleaseTheRestAsync(string db, DateTimeOffset dueAt)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE micromove.people SET next_prompt_at = @dueAt WHERE next_prompt_at IS NULL; SELECT now()", connection);
        command.Parameters.AddWithValue("dueAt", dueAt);
        var now = (DateTime)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no time from the database"));
        return new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
    }

    private static async Task<(long Total, long Open)> ProgressAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(*) FILTER (WHERE status IN ('pending', 'claimed', 'sending')) FROM micromove.prompt_deliveries", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The run's figures, over the deliveries created from <paramref name="since"/> on (after the warm-up).</summary>
    private static async Task<Outcome> OutcomeAsync(string db, DateTimeOffset since)
    {
        // Statistics of the run's rows, as autovacuum would gather them: without, PostgreSQL may take the run's
        // rows for a handful and join them row by row (seen: past the 30 s command timeout).
        await BenchDatabase.ExecuteAsync(db, "ANALYZE micromove.prompt_deliveries");
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        Outcome outcome;
        await using (var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed'),
                   extract(epoch FROM max(sent_at) - min(created_at))::float8,
                   coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - first.at)), 0)::float8,
                   coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - first.at)), 0)::float8
            FROM micromove.prompt_deliveries, (SELECT min(created_at) AS at FROM micromove.prompt_deliveries WHERE created_at >= @since) AS first
            WHERE created_at >= @since
            GROUP BY first.at
            """,
            connection))
        {
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            outcome = new Outcome(
                reader.GetInt64(0), reader.GetInt64(1), TimeSpan.FromSeconds(reader.IsDBNull(2) ? 0 : reader.GetDouble(2)),
                reader.GetDouble(3), reader.GetDouble(4), []);
        }

        await using (var command = new NpgsqlCommand(
            "SELECT last_error, count(*) FROM micromove.prompt_deliveries WHERE status = 'failed' AND created_at >= @since GROUP BY last_error ORDER BY 2 DESC LIMIT 5", connection))
        {
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                outcome.Failures.Add((reader.IsDBNull(0) ? "?" : reader.GetString(0), reader.GetInt64(1)));
            }
        }

        await using (var command = new NpgsqlCommand(
            """
            SELECT w.platform, count(*), extract(epoch FROM min(d.sent_at) - min(min(d.created_at)) OVER ())::float8,
                   extract(epoch FROM max(d.sent_at) - min(min(d.created_at)) OVER ())::float8,
                   string_agg(DISTINCT d.attempts::text, ',')
            FROM micromove.prompt_deliveries AS d JOIN micromove.workspaces AS w ON w.id = d.workspace_id
            WHERE d.created_at >= @since
            GROUP BY w.platform ORDER BY w.platform
            """,
            connection))
        {
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                outcome.Platforms.Add($"{reader.GetString(0)}: {reader.GetInt64(1):N0} sent from {reader.GetDouble(2):0.0} s to {reader.GetDouble(3):0.0} s, attempts {reader.GetString(4)}");
            }
        }

        return outcome;
    }

    /// <summary>
    /// Slack workspaces with sealed bot tokens (xoxb-bench-{team}, which the fake reads back) and
    /// Teams tenants whose 1:1 conversations are known (service URL on the fake); everyone's
    /// start-of-day set came due a minute ago, and everyone has a known DM channel or conversation.
    /// Unless <paramref name="dueNow"/>, they get theirs when <see cref="ReleaseTheRestAsync"/> says so.
    /// Workspace and tenant names start with <paramref name="prefix"/>, so several crowds can share a database.
    /// </summary>
    private static async Task<DateTimeOffset> SeedAsync(string db, CredentialProtector protector, FakePlatform platform, Population population, string prefix, bool dueNow)
    {
        var (schedule, dueAt) = DueAMinuteAgo();
        var settings = JsonSerializer.Serialize(ScheduleMapping.ToSettings(schedule), Json);
        var teams = Enumerable.Range(0, population.SlackWorkspaces).Select(i => $"T{prefix}{i:D5}").ToArray();
        var tenants = Enumerable.Range(0, population.Tenants).Select(i => $"tenant-{prefix}{i:D5}").ToArray();
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO micromove.workspaces (id, platform, external_id, name, encrypted_credentials, active, created_at)
            SELECT gen_random_uuid(), 'slack', t.team, t.team, t.sealed, true, now() FROM unnest(@teams, @sealed) AS t(team, sealed)
            UNION ALL
            SELECT gen_random_uuid(), 'teams', t.tenant, t.tenant, NULL, true, now() FROM unnest(@tenants) AS t(tenant)
            """,
            connection))
        {
            command.Parameters.AddWithValue("teams", teams);
            command.Parameters.Add(new NpgsqlParameter("sealed", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
            {
                Value = teams.Select(team => protector.Protect($"xoxb-bench-{team}", SlackWorkspaceTokens.ProtectionContext(team))).ToArray(),
            });
            command.Parameters.AddWithValue("tenants", tenants);
            await command.ExecuteNonQueryAsync();
        }

        await BenchDatabase.ExecuteAsync(
            db,
            """
            INSERT INTO micromove.people (id, workspace_id, platform_user_id, display_name, time_zone_id, schedule, next_prompt_at,
                                          conversation_id, service_url, active, created_at)
            SELECT gen_random_uuid(), w.id, 'U' || w.external_id || '-' || g, 'Person ' || g, @zone, @schedule::jsonb,
                   CASE WHEN @dueNow THEN @dueAt END,
                   CASE w.platform WHEN 'slack' THEN 'D' || w.external_id || '-' || g ELSE 'a:' || w.external_id || '-' || g END,
                   CASE w.platform WHEN 'teams' THEN @teamsBase || w.external_id || '/' END,
                   true, now()
            FROM micromove.workspaces AS w
            CROSS JOIN LATERAL generate_series(1, CASE w.platform WHEN 'slack' THEN @perWorkspace ELSE @perTenant END) AS g
            WHERE w.external_id = ANY(@names)
            """,
            ("zone", schedule.TimeZoneId), ("schedule", settings), ("dueAt", dueAt), ("teamsBase", platform.BaseUrl + "teams/"),
            ("perWorkspace", population.SlackPerWorkspace), ("perTenant", population.TeamsPerTenant), ("dueNow", dueNow),
            ("names", teams.Concat(tenants).ToArray()));
        await BenchDatabase.ExecuteAsync(
            db,
            """
            INSERT INTO micromove.teams_conversations (conversation_id, service_url, tenant_id, conversation_type, user_id, last_seen_at)
            SELECT p.conversation_id, p.service_url, w.external_id, 'personal', p.platform_user_id, now()
            FROM micromove.people AS p JOIN micromove.workspaces AS w ON w.id = p.workspace_id
            WHERE w.platform = 'teams' AND w.external_id = ANY(@tenants)
            """,
            ("tenants", tenants));
        return dueAt;
    }

    /// <summary>A workday whose start-of-day set came due a minute ago: a fixed-offset zone puts local time near noon.</summary>
    private static (WorkSchedule Schedule, DateTimeOffset DueAt) DueAMinuteAgo()
    {
        var now = TimeProvider.System.GetUtcNow();
        var offset = 12 - now.Hour;
        var zone = offset switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{offset.ToString(CultureInfo.InvariantCulture)}",
            _ => $"Etc/GMT+{(-offset).ToString(CultureInfo.InvariantCulture)}",
        };
        var local = now.ToOffset(TimeSpan.FromHours(offset));
        var start = new TimeOnly(local.Hour, local.Minute).AddMinutes(-1);
        var schedule = WorkSchedule.Default(zone) with
        {
            WorkDays = Enum.GetValues<DayOfWeek>().ToHashSet(),
            DayStart = start,
            DayEnd = start.AddHours(4),
            LunchStart = start.AddHours(2),
            LunchDuration = TimeSpan.FromMinutes(30),
            EnabledRoutines = Enum.GetValues<RoutineKind>().ToHashSet(),
        };
        var dueAt = new DateTimeOffset(local.Year, local.Month, local.Day, start.Hour, start.Minute, 0, TimeSpan.FromHours(offset));
        return (schedule, dueAt.ToUniversalTime());
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Population(int SlackWorkspaces, int SlackPerWorkspace, int Tenants, int TeamsPerTenant)
    {
        public int SlackPeople => SlackWorkspaces * SlackPerWorkspace;

        public int TeamsPeople => Tenants * TeamsPerTenant;

        public int Total => SlackPeople + TeamsPeople;
    }

    private sealed record Outcome(long Sent, long Failed, TimeSpan Span, double LagP50, double LagP99, List<(string Reason, long Count)> Failures)
    {
        public List<string> Platforms { get; } = [];

        public double Rate => Span > TimeSpan.Zero ? Sent / Span.TotalSeconds : 0;
    }
}
