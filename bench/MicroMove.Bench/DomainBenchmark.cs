using System.Diagnostics;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;

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
    }

    private static void Measure(string name, int iterations, Func<int, object?> work)
    {
        for (var i = 0; i < 1_000; i++)
        {
            work(i);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            work(i);
        }

        clock.Stop();
        Console.WriteLine($"  {name}: {clock.Elapsed.TotalMicroseconds / iterations:0.0} µs a call ({iterations:N0} calls)");
    }
}
