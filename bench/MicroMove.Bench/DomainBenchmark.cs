using System.Diagnostics;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;

namespace MicroMove.Bench;

/// <summary>The pure per-person work of a dispatch: the next slot, and the rotation's plan.</summary>
internal static class DomainBenchmark
{
    public static void Run(int iterations)
    {
        var schedule = WorkSchedule.Default("Europe/Berlin");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        Measure("WorkSchedule.Validate", iterations, _ => schedule.Validate());
        Measure("NextSlotCalculator.SlotsOn", iterations, i => NextSlotCalculator.SlotsOn(schedule, zone, new DateOnly(2026, 11, 25)));
        Measure("TimeZoneInfo.GetUtcOffset", iterations, i => zone.GetUtcOffset(new DateTime(2026, 11, 25, 9, i % 60, 0)));
        Measure("NextSlotCalculator.NextAfter", iterations, i => NextSlotCalculator.NextAfter(schedule, zone, start.AddMinutes(i % 600)));
        var history = RotationHistory.Empty;
        Measure("RotationPlanner.Plan (every 30 min, empty history)", iterations, i =>
            RotationPlanner.Plan(RoutineKind.Every30Minutes, null, start.AddMinutes(i % 600), start.AddHours(-9), history));

        // The pure part of a weekly summary, shaped like the "summaries" benchmark's people: 50 entries over 8 weeks.
        var monday = new DateOnly(2026, 11, 23);
        var friday = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);
        MovementId[][] pairs = [[MovementId.NeckFlexionExtensionWaves, MovementId.ScapularRetractionPulses], [MovementId.SeatedHipFlexorTwists, MovementId.SeatedCatCow], [MovementId.AnklePumps, MovementId.ArmWindmills]];
        var log = Enumerable.Range(0, 50).Select(k => new LogEntry(
            friday.AddDays(-(k % 40)).AddHours(k % 8).AddMinutes(7 * (k % 5)),
            pairs[k % 3],
            FatigueRating.Create(2 + (k % 3)),
            FatigueRating.Create(1 + (k % 3)),
            null,
            (RoutineKind)(k % 4))).ToList();
        var prompted = Enumerable.Range(0, 40).Select(k => new PromptedSet(friday.AddDays(-(k % 5)).AddMinutes(30 * (k / 5)), RoutineKind.Every30Minutes, PromptStatus.Sent)).ToList();
        var summaryDue = new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero);
        Measure("WeeklyStatisticsCalculator.Calculate (50 entries, 40 prompts)", iterations, _ =>
            WeeklyStatisticsCalculator.Calculate(zone, schedule.WorkDays, monday, prompted, log, summaryDue));
        var sets = log.Select(LoggedSet.From).ToArray();
        Measure("WeeklyStatisticsCalculator.FromLoggedSets (the same, as the summary builder reads them)", iterations, _ =>
            WeeklyStatisticsCalculator.FromLoggedSets(zone, schedule.WorkDays, monday, prompted, sets, summaryDue));
        Measure("WeeklyStatisticsCalculator.FromLoggedSets (50 entries, no prompts: the summaries benchmark's people)", iterations, _ =>
            WeeklyStatisticsCalculator.FromLoggedSets(zone, schedule.WorkDays, monday, [], sets, summaryDue));
        var week = WeeklyStatisticsCalculator.Calculate(zone, schedule.WorkDays, monday, prompted, log, summaryDue);
        Measure("AdjustmentAdvisor.Advise + WeeklySummaryMessage.For", iterations, _ =>
            WeeklySummaryMessage.For(week, AdjustmentAdvisor.Advise(week), null, soFar: false));
    }

    private static void Measure(string name, int iterations, Func<int, object?> work)
    {
        for (var i = 0; i < 1_000; i++)
        {
            work(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            work(i);
        }

        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"  {name}: {clock.Elapsed.TotalMicroseconds / iterations:0.0} µs, {allocated / iterations / 1024.0:0.0} KiB allocated a call ({iterations:N0} calls)");
    }
}
