using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;

namespace MicroMove.Domain.Tests.Rotation;

/// <summary>
/// The default workday the rotation is designed for: start of day 09:00, every 30 minutes
/// from 09:30 to 17:00 except over lunch, after lunch at 13:00, one pre-meeting, end of day 17:20.
/// </summary>
internal static class Workday
{
    public static IReadOnlyList<(DateTimeOffset At, RoutineKind Routine)> Slots(int preMeetingMinute)
    {
        var slots = new List<(DateTimeOffset, RoutineKind)> { (RotationTestData.At(9), RoutineKind.StartOfDay) };
        for (var minute = 9 * 60 + 30; minute <= 17 * 60; minute += 30)
        {
            // Lunch: 12:00 and 12:30 are skipped, and 13:00 is the after-lunch set.
            if (minute is 12 * 60 or 12 * 60 + 30)
            {
                continue;
            }

            slots.Add((RotationTestData.StartOfDay.AddMinutes(minute), minute == 13 * 60 ? RoutineKind.AfterLunch : RoutineKind.Every30Minutes));
        }

        slots.Add((RotationTestData.StartOfDay.AddMinutes(preMeetingMinute), RoutineKind.PreMeeting));
        slots.Add((RotationTestData.At(17, 20), RoutineKind.EndOfDay));
        return [.. slots.OrderBy(s => s.Item1)];
    }

    /// <summary>Plans every slot in turn, each set joining the history of the next.</summary>
    public static IReadOnlyList<PlannedSet> Simulate(RotationHistory priorDays, int preMeetingMinute)
    {
        var history = priorDays;
        var sets = new List<PlannedSet>();
        foreach (var (at, routine) in Slots(preMeetingMinute))
        {
            var set = RotationPlanner.Plan(routine, null, at, RotationTestData.StartOfDay, history);
            sets.Add(set);
            history = history.With(set.ToPastSet());
        }

        return sets;
    }
}
