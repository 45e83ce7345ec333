using System.Diagnostics;
using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>
/// Three bot hosts on one PostgreSQL, with the real clustered Quartz and real delivery
/// workers: every due person gets exactly one prompt, even when a host stops half-way.
/// </summary>
public sealed class ClusterTests(PostgresServer server)
{
    private const int People = 2_000;

    [Fact]
    public async Task ThreeHosts_TwoThousandDue_EachPromptedExactlyOnce_EvenWhenOneHostStopsMidway()
    {
        var db = await server.CreateMigratedDatabaseAsync();
        var (schedule, dueAt) = ScheduleDueAMinuteAgo();
        var workspace = await PromptWorld.WorkspaceAsync(db);
        await PromptWorld.PeopleAsync(db, workspace, People, schedule, dueAt);

        var settings = new Dictionary<string, string?>
        {
            ["Prompts:RunWorkers"] = "true",
            ["Prompts:DispatchInterval"] = "00:00:01",
            ["Prompts:IdlePoll"] = "00:00:00.200",
            ["Prompts:ClaimBatchSize"] = "50",
        };
        var hosts = Enumerable.Range(0, 3).Select(_ => new MicroMoveApp(db, settings)).ToList();
        try
        {
            foreach (var host in hosts)
            {
                _ = host.Services; // starts the host: its scheduler and workers join the cluster
            }

            Assert.True(await WaitForAsync(db, sent => sent >= People / 4), "a quarter should be sent within the time limit");
            await hosts[1].DisposeAsync(); // graceful stop half-way: in-flight sends finish, its claims are released or completed

            Assert.True(await WaitForAsync(db, sent => sent == People), $"all {People} should be sent; got {await CountSentAsync(db)}");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        await using var read = PromptWorld.Db(db);
        var deliveries = await read.PromptDeliveries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(People, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        var messages = await read.ConsoleMessages.AsNoTracking().Select(m => m.ConversationId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(People, messages.Count);
        Assert.Equal(People, messages.Distinct().Count());
    }

    /// <summary>
    /// A schedule whose start-of-day set came due a minute ago in real time: a fixed-offset zone
    /// puts local time near noon, so the workday never crosses midnight whatever the hour.
    /// </summary>
    internal static (WorkSchedule Schedule, DateTimeOffset DueAt) ScheduleDueAMinuteAgo()
    {
        var now = TimeProvider.System.GetUtcNow();
        var offsetHours = 12 - now.Hour;
        var zoneId = offsetHours switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{offsetHours.ToString(CultureInfo.InvariantCulture)}",
            _ => $"Etc/GMT+{(-offsetHours).ToString(CultureInfo.InvariantCulture)}",
        };
        var localNow = now.ToOffset(TimeSpan.FromHours(offsetHours));
        var start = new TimeOnly(localNow.Hour, localNow.Minute).AddMinutes(-1);
        var schedule = WorkSchedule.Default(zoneId) with
        {
            WorkDays = Enum.GetValues<DayOfWeek>().ToHashSet(),
            DayStart = start,
            DayEnd = start.AddHours(4),
            LunchStart = start.AddHours(2),
            LunchDuration = TimeSpan.FromMinutes(30),
            EnabledRoutines = Enum.GetValues<RoutineKind>().ToHashSet(),
        };
        var dueAt = new DateTimeOffset(localNow.Year, localNow.Month, localNow.Day, start.Hour, start.Minute, 0, TimeSpan.FromHours(offsetHours));
        return (schedule, dueAt.ToUniversalTime());
    }

    private static async Task<bool> WaitForAsync(string db, Func<int, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (done(await CountSentAsync(db)))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<int> CountSentAsync(string db)
    {
        await using var read = PromptWorld.Db(db);
        return await read.PromptDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent);
    }
}
