using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Summaries;

/// <summary>
/// The builder's plain-command read of a batch (<see cref="SummaryRows"/>) on the real PostgreSQL:
/// each person's week the same as from their rows loaded as entities and mapped to log entries.
/// </summary>
public sealed class SummaryRowsTests(PostgresServer server) : IAsyncLifetime
{
    // ISO week 2026-W48: Monday 23 Nov – Sunday 29 Nov; Friday 17:30 in Berlin is 16:30 UTC.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset FridayEvening = Utc(27, 16, 30);

    private string _db = string.Empty;
    private MicroMoveApp? _app;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _db = await server.CreateMigratedDatabaseAsync();
        _app = new MicroMoveApp(_db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Batch_OfThreePeople_EachWeekAsFromTheirEntities()
    {
        var berlin = await PromptWorld.WorkspaceAsync(_db);
        var ada = (await PromptWorld.PeopleAsync(_db, berlin, 1, WorkSchedule.Default("Europe/Berlin"), null)).Single();
        var newYork = await PromptWorld.WorkspaceAsync(_db, externalId: "console-ny");
        var grace = (await PromptWorld.PeopleAsync(_db, newYork, 1, WorkSchedule.Default("America/New_York"), null)).Single();
        var linus = (await PromptWorld.PeopleAsync(_db, await PromptWorld.WorkspaceAsync(_db, externalId: "console-empty"), 1, WorkSchedule.Default("Europe/Berlin"), null)).Single();

        // Ada: a set working all three regions, one with no ratings, a slug and a routine from a newer version, the
        // week's edges in Berlin (Sunday 23:30 is in it, Monday 00:30 after it is not; Sunday 22 Nov 23:30 is the week before).
        await SummaryWorld.LogAsync(_db, ada, Utc(23, 8, 5), "start-of-day", ["ankle-pumps", "seated-cat-cow", "arm-windmills"], 4, 2);
        await SummaryWorld.LogAsync(_db, ada, Utc(24, 12, 0), "after-lunch", ["seated-cat-cow"], null, null);
        await SummaryWorld.LogAsync(_db, ada, Utc(25, 9, 0), "a-routine-from-a-newer-version", ["ankle-pumps", "a-movement-from-a-newer-version"], 3, 3);
        await SummaryWorld.LogAsync(_db, ada, Utc(29, 22, 30), null, ["lateral-flexion-slides"], 5, 4);
        await SummaryWorld.LogAsync(_db, ada, Utc(29, 23, 30), null, ["lateral-flexion-slides"], 5, 5);
        await SummaryWorld.LogAsync(_db, ada, Utc(22, 22, 30), null, ["seated-cat-cow"], 5, 5);
        await SummaryWorld.LogAsync(_db, ada, Utc(20, 9, 0), null, ["seated-cat-cow"], 4, 4);
        await SummaryWorld.LogAsync(_db, ada, Utc(19, 9, 0), null, ["ankle-pumps"], null, 2);
        await SummaryWorld.PromptAsync(_db, ada, Utc(23, 8, 0), "start-of-day", DeliveryStatus.Sent);
        await SummaryWorld.PromptAsync(_db, ada, Utc(24, 11, 30), "after-lunch", DeliveryStatus.Missed);
        await SummaryWorld.PromptAsync(_db, ada, Utc(25, 8, 0), "start-of-day", DeliveryStatus.Failed);
        await SummaryWorld.PromptAsync(_db, ada, Utc(26, 8, 0), "start-of-day", DeliveryStatus.Pending);
        await SummaryWorld.PromptAsync(_db, ada, Utc(26, 9, 0), "a-routine-from-a-newer-version", DeliveryStatus.Sent);
        // Grace: Sunday 22 Nov 23:30 in New York is Monday in Berlin but the week before for her; Wednesday's set is her week's.
        await SummaryWorld.LogAsync(_db, grace, Utc(23, 4, 30), null, ["seated-cat-cow"], 5, 1);
        await SummaryWorld.LogAsync(_db, grace, Utc(25, 15, 0), "every-30-minutes", ["ankle-pumps", "neck-flexion-extension-waves"], 3, 2);
        await SummaryWorld.PromptAsync(_db, grace, Utc(25, 14, 45), "every-30-minutes", DeliveryStatus.Sent);

        SummaryRequest[] requests = [new(ada, Monday, FridayEvening), new(grace, Monday, Utc(27, 22, 30)), new(linus, Monday, FridayEvening)];
        IReadOnlyList<WeeklyStatistics?> weeks;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            weeks = await scope.ServiceProvider.GetRequiredService<WeeklySummaryBuilder>().StatisticsManyAsync(requests, TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(Describe(await FromEntitiesAsync(requests[i])), Describe(weeks[i]!));
        }

        var adas = weeks[0]!;
        Assert.Equal(4, adas.SetsDone); // Monday 00:30 is the next week's
        Assert.Equal(2, adas.InstantSetsDone); // Sunday's, and Wednesday's whose routine this version does not know
        Assert.Equal(new Completion(1, 1), adas.Completion); // sent: Monday's; missed and failed do not count; pending and unknown are not read
        Assert.Equal([1, 2, 3], Enum.GetValues<BodyRegion>().Select(region => adas.SetsPerRegion[region]));
        Assert.Equal(3.0, adas.AverageFatigueAfter); // (2 + 3 + 4) / 3: the unrated set has no say
        // Work days done Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 (best 5); none on Thursday 26, so none now (Friday, today, does not break it).
        Assert.Equal(new WorkDayStreak(0, 5), adas.Streak);
        Assert.Equal(1, weeks[1]!.SetsDone);
        Assert.Equal(new Completion(1, 1), weeks[1]!.Completion);
        Assert.Equal(0, weeks[2]!.SetsDone);
        Assert.Equal(WorkDayStreak.None, weeks[2]!.Streak);
    }

    /// <summary>The week as the builder computed it before it read plain rows: entities loaded with EF, mapped by <see cref="LogEntryMapping"/>.</summary>
    private async Task<WeeklyStatistics> FromEntitiesAsync(SummaryRequest request)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.Person.TimeZoneId);
        var historyStart = TimeZones.StartOfDay(request.FirstDay.AddDays(-49), zone);
        var weekStart = TimeZones.StartOfDay(request.FirstDay, zone);
        var weekEnd = TimeZones.StartOfDay(request.FirstDay.AddDays(7), zone);
        await using var db = PromptWorld.Db(_db);
        var log = await db.LogEntries.Where(e => e.PersonId == request.Person.Id && e.DoneAt >= historyStart && e.DoneAt < weekEnd).ToListAsync();
        var prompts = await db.PromptDeliveries
            .Where(d => d.PersonId == request.Person.Id && d.Kind == DeliveryKind.Prompt && d.DueAt >= weekStart && d.DueAt < weekEnd
                && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Missed || d.Status == DeliveryStatus.Failed))
            .ToListAsync();
        var prompted = prompts
            .Select(p => RoutineKinds.TryParse(p.Routine) is { } routine ? new PromptedSet(p.DueAt, routine, p.Status == DeliveryStatus.Sent ? PromptStatus.Sent : PromptStatus.Missed) : null)
            .OfType<PromptedSet>();
        return WeeklyStatisticsCalculator.Calculate(zone, request.Person.ToWorkSchedule().WorkDays, request.FirstDay, prompted, log.Select(e => e.ToLogEntry()), request.AsOf);
    }

    private static string Describe(WeeklyStatistics w) =>
        string.Join(
            "\n",
            [
                $"completion {w.Completion.Prompted}/{w.Completion.Done} sets {w.SetsDone} instant {w.InstantSetsDone} streak {w.Streak}",
                $"fatigue {D(w.AverageFatigueBefore)} {D(w.AverageFatigueAfter)} {D(w.AverageFatigueChange)} regions {string.Join(",", w.SetsPerRegion)}",
                $"tightest {w.TightestRegion}",
                .. w.Movements.Select(m => m.ToString()),
                .. w.Days.Select(d => $"{d.Date:O} {d.IsWorkDay} {d.SetsDone} {D(d.AverageFatigueBefore)} {D(d.AverageFatigueAfter)} {string.Join(",", d.SetsPerRegion)}"),
            ]);

    private static string D(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);
}
