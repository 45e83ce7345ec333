using System.Diagnostics;
using System.Text.Json;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bench;

/// <summary>
/// Benchmark "summaries": the weekly summary of every person — the week's figures, the advice and
/// the message with its signed chart link — for 100,000 people with 50 log entries each, through
/// the real <see cref="WeeklySummaryBuilder"/>. Charts are rendered lazily, when Slack or Teams
/// fetch the link, so they are timed apart: charts rendered per second.
/// </summary>
internal static class SummariesBenchmark
{
    // Friday 27 Nov 2026, 17:30 in Berlin: the default schedule's weekly summary.
    private static readonly DateTimeOffset SummaryDue = new(2026, 11, 27, 16, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int Charts = 200;

    public static async Task RunAsync(BenchDatabase server, int people, int entriesPerPerson)
    {
        const string name = "bench_summaries";
        var db = await server.CreateAsync(name);
        try
        {
            Console.WriteLine($"Weekly summaries: {people:N0} people, {entriesPerPerson} log entries each over the 8 weeks the builder reads (load average now {LoadAverage()})");
            var seeding = Stopwatch.StartNew();
            await SeedAsync(db, people, entriesPerPerson);
            Console.WriteLine($"  seeded {people * (long)entriesPerPerson:N0} log entries in {seeding.Elapsed.TotalSeconds:0.0} s");

            await using var services = Services(db);
            var everyone = await PeopleAsync(services);
            await BuildAllAsync(services, everyone.Take(Math.Min(500, everyone.Count)).ToList(), quiet: true); // warm-up: JIT, pools

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var (built, words) = await BuildAllAsync(services, everyone, quiet: false);
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine(
                $"  built {built:N0} summaries in {clock.Elapsed.TotalSeconds:0.0} s = {built / clock.Elapsed.TotalSeconds:N0}/s (goal: all in under 30 s); "
                + $"{words / Math.Max(1, built):N0} characters of message text each on average");
            Console.WriteLine(
                $"  CPU: {cpu.TotalSeconds:0.0} s in this process ({cpu.TotalMicroseconds / Math.Max(1, built):0} µs a summary; PostgreSQL's share is not in it) — "
                + "a figure that a busy machine does not inflate as much as the wall time");
            Console.WriteLine($"  memory: peak working set {PeakWorkingSetMiB():N0} MiB (VmHWM, whole process incl. seeding), {allocated / (1024.0 * 1024):N0} MiB allocated while building");

            await RenderChartsAsync(services, everyone.Take(Charts).ToList());
        }
        finally
        {
            await server.DropAsync(name);
        }
    }

    /// <summary>
    /// Every person's summary the way delivery workers build them: claimed batches of
    /// <see cref="BatchSize"/> people, each batch read with two queries, <see cref="Parallelism"/> batches at a time.
    /// Returns how many and their text length.
    /// </summary>
    private static async Task<(int Built, long Characters)> BuildAllAsync(ServiceProvider services, List<PersonEntity> everyone, bool quiet)
    {
        var built = 0;
        long characters = 0;
        await Parallel.ForEachAsync(everyone.Chunk(BatchSize), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (batch, cancel) =>
        {
            await using var scope = services.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<WeeklySummaryBuilder>();
            var summaries = await builder.BuildManyAsync([.. batch.Select(person => new SummaryRequest(person, Monday, SummaryDue))], cancel);
            foreach (var summary in summaries.OfType<WeeklySummaryMessage>())
            {
                Interlocked.Increment(ref built);
                Interlocked.Add(ref characters, summary.FallbackText.Length);
            }
        });
        if (!quiet && built != everyone.Count)
        {
            Console.WriteLine($"  {everyone.Count - built:N0} people got no summary");
        }

        return (built, characters);
    }

    /// <summary>As a worker claims them (<see cref="PromptOptions.ClaimBatchSize"/>'s default).</summary>
    private static int BatchSize => new PromptOptions().ClaimBatchSize;

    /// <summary>Batches in flight at once: as many as a worker's send slots hold claimed batches (256 / 100 → 3).</summary>
    private static int Parallelism => (int)Math.Ceiling((double)new PromptOptions().SendConcurrency / BatchSize);

    private static async Task RenderChartsAsync(ServiceProvider services, List<PersonEntity> people)
    {
        var weeks = new List<WeeklyStatistics>();
        await using (var scope = services.CreateAsyncScope())
        {
            var builder = scope.ServiceProvider.GetRequiredService<WeeklySummaryBuilder>();
            foreach (var person in people)
            {
                if (await builder.StatisticsAsync(person, Monday, SummaryDue, CancellationToken.None) is { } week)
                {
                    weeks.Add(week);
                }
            }
        }

        WeeklyChart.RenderPng(weeks[0]); // warm-up: fonts, Skia
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var week in weeks)
        {
            bytes += WeeklyChart.RenderPng(week).Length;
        }

        clock.Stop();
        Console.WriteLine(
            $"  charts (rendered lazily, on GET /charts/…png, not while building): {weeks.Count} in {clock.Elapsed.TotalSeconds:0.0} s = {weeks.Count / clock.Elapsed.TotalSeconds:0} charts/s on one thread, {bytes / weeks.Count / 1024:N0} KiB each");
    }

    private static async Task<List<PersonEntity>> PeopleAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        return await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMicroMoveDatabase(connectionString);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(SummaryDue));
        services.AddSingleton(CredentialProtector.FromBase64(CredentialProtector.NewBase64Key()));
        services.AddOptions<SummaryOptions>();
        services.AddSingleton<TimeZones>();
        services.AddSingleton<ChartLinks>();
        services.AddScoped<WeeklySummaryBuilder>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// People with the default Berlin workday, and their log in one INSERT … SELECT: entry k lies
    /// k % 40 days before Friday (work hours), so about six fall in the summary's week and the rest
    /// in the seven weeks before it (streaks, trend); movements, fatigue before/after vary with k.
    /// </summary>
    private static async Task SeedAsync(string db, int people, int entries)
    {
        var schedule = JsonSerializer.Serialize(ScheduleMapping.ToSettings(WorkSchedule.Default("Europe/Berlin")), Json);
        var workspace = Guid.CreateVersion7();
        await BenchDatabase.ExecuteAsync(
            db,
            "INSERT INTO micromove.workspaces (id, platform, external_id, name, active, created_at) VALUES (@id, 'console', 'bench', 'Bench', true, now())",
            ("id", workspace));
        await BenchDatabase.ExecuteAsync(
            db,
            """
            INSERT INTO micromove.people (id, workspace_id, platform_user_id, display_name, time_zone_id, schedule, active, created_at)
            SELECT gen_random_uuid(), @workspace, 'U' || g, 'Person ' || g, 'Europe/Berlin', @schedule::jsonb, true, now()
            FROM generate_series(1, @people) AS g
            """,
            ("workspace", workspace), ("schedule", schedule), ("people", people));
        await BenchDatabase.ExecuteAsync(
            db,
            """
            INSERT INTO micromove.log_entries (id, person_id, done_at, movements, fatigue_before, fatigue_after, routine, source_key)
            SELECT gen_random_uuid(), p.id,
                   @friday - (k % 40) * interval '1 day' + (k % 8) * interval '1 hour' + (k % 5) * interval '7 minutes',
                   CASE k % 3 WHEN 0 THEN ARRAY['neck-flexion-extension-waves', 'scapular-retraction-pulses']
                              WHEN 1 THEN ARRAY['seated-hip-flexor-twists', 'seated-cat-cow']
                              ELSE ARRAY['ankle-pumps', 'arm-windmills'] END,
                   (2 + k % 3)::smallint, (1 + k % 3)::smallint,
                   (ARRAY['start-of-day', 'every-30-minutes', 'after-lunch', 'end-of-day'])[1 + k % 4],
                   'bench/' || k
            FROM micromove.people AS p CROSS JOIN generate_series(0, @entries - 1) AS k
            """,
            ("friday", new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero)), ("entries", entries));
        await BenchDatabase.ExecuteAsync(db, "VACUUM ANALYZE");
    }

    private static long PeakWorkingSetMiB()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? Environment.WorkingSet / (1024 * 1024) : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
