using System.Diagnostics;
using System.Text.Json;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bench;

/// <summary>
/// Benchmark 1 of the prompts issue: one dispatch tick for the same number of due people
/// among a small and a large population. The due query walks the partial index on
/// next_prompt_at, so the tick should cost about the same: the goal is a ratio under 1.3.
/// </summary>
internal static class DispatchBenchmark
{
    // Wednesday 25 Nov 2026, 09:00 in Berlin: the start-of-day slot of the default workday.
    private static readonly DateTimeOffset DueAt = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(BenchDatabase server, int due, IReadOnlyList<int> populations)
    {
        Console.WriteLine($"Dispatch tick: {due:N0} due people among each population (default Berlin workday, 09:00 start-of-day set)");
        await MeasureAsync(server, Math.Min(due, 1_000), Math.Min(due, 1_000) * 2, quiet: true); // warm-up: JIT, pools
        var timings = new List<(int Population, TimeSpan Elapsed)>();
        foreach (var population in populations)
        {
            var elapsed = await MeasureAsync(server, due, population, quiet: false);
            timings.Add((population, elapsed));
        }

        if (timings.Count >= 2)
        {
            var ratio = timings[^1].Elapsed.TotalMilliseconds / timings[0].Elapsed.TotalMilliseconds;
            Console.WriteLine($"  ratio {timings[^1].Population:N0} / {timings[0].Population:N0} people: {ratio:0.00} (goal < 1.30)");
        }
    }

    private static async Task<TimeSpan> MeasureAsync(BenchDatabase server, int due, int population, bool quiet)
    {
        var name = $"bench_dispatch_{population}";
        var connectionString = await server.CreateAsync(name);
        try
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(connectionString, due, population);
            if (!quiet)
            {
                Console.WriteLine($"  seeded {population:N0} people in {seeding.Elapsed.TotalSeconds:0.0} s");
            }

            await using var services = Services(connectionString);
            await using var scope = services.CreateAsyncScope();
            var dispatcher = scope.ServiceProvider.GetRequiredService<PromptDispatcher>();
            var clock = Stopwatch.StartNew();
            var result = await dispatcher.DispatchDueAsync(CancellationToken.None);
            clock.Stop();
            if (!quiet)
            {
                Console.WriteLine(
                    $"  population {population,9:N0}: {result.Queued:N0} queued in {clock.Elapsed.TotalMilliseconds,8:0} ms ({result.Queued / clock.Elapsed.TotalSeconds:0} people/s)");
            }

            return clock.Elapsed;
        }
        finally
        {
            await server.DropAsync(name);
        }
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMetrics()
            .AddMicroMoveDatabase(connectionString);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DueAt));
        services.AddOptions<PromptOptions>();
        services.AddSingleton<TimeZones>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddScoped<PromptDispatcher>();
        return services.BuildServiceProvider();
    }

    /// <summary>Everyone has the default workday; the first <paramref name="due"/> are due now, the rest later today.</summary>
    private static async Task SeedAsync(string connectionString, int due, int population)
    {
        var schedule = JsonSerializer.Serialize(ScheduleMapping.ToSettings(WorkSchedule.Default("Europe/Berlin")), Json);
        var workspace = Guid.CreateVersion7();
        await BenchDatabase.ExecuteAsync(
            connectionString,
            "INSERT INTO micromove.workspaces (id, platform, external_id, name, active, created_at) VALUES (@id, 'console', 'bench', 'Bench', true, now())",
            ("id", workspace));
        await BenchDatabase.ExecuteAsync(
            connectionString,
            """
            INSERT INTO micromove.people (id, workspace_id, platform_user_id, display_name, time_zone_id, schedule, next_prompt_at, active, created_at)
            SELECT gen_random_uuid(), @workspace, 'U' || g, 'Person ' || g, 'Europe/Berlin', @schedule::jsonb,
                   CASE WHEN g <= @due THEN @dueAt ELSE @dueAt + ((1 + g % 480) * interval '1 minute') END,
                   true, now()
            FROM generate_series(1, @population) AS g
            """,
            ("workspace", workspace), ("schedule", schedule), ("due", due), ("dueAt", DueAt), ("population", population));
        await BenchDatabase.ExecuteAsync(connectionString, "VACUUM ANALYZE micromove.people");
    }
}
