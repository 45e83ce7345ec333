using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Rotation;

/// <summary>A working day in a zone east of UTC, so nothing here can lean on UTC midnights.</summary>
internal static class RotationTestData
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(2);

    public static readonly DateTimeOffset StartOfDay = new(2026, 3, 4, 0, 0, 0, Offset);

    public static DateTimeOffset At(int hour, int minute = 0, int dayOffset = 0) =>
        StartOfDay.AddDays(dayOffset).AddHours(hour).AddMinutes(minute);

    public static PastSet Offered(DateTimeOffset at, params MovementId[] movements) => new(at, null, movements);

    public static LogEntry Rated(DateTimeOffset at, int? before, int? after, params MovementId[] movements) =>
        new(
            at,
            movements,
            before is { } b ? FatigueRating.Create(b) : null,
            after is { } a ? FatigueRating.Create(a) : null,
            null,
            null);

    public static RotationHistory History(params PastSet[] offered) => new(offered, []);

    public static PlannedSet Plan(RoutineKind routine, DateTimeOffset at, RotationHistory history) =>
        RotationPlanner.Plan(routine, null, at, StartOfDay, history);

    public static PlannedSet Plan(SetFocus focus, DateTimeOffset at, RotationHistory history) =>
        RotationPlanner.Plan(null, focus, at, StartOfDay, history);

    public static MovementId[] Ids(this PlannedSet set) => [.. set.MovementIds];

    public static int RepsOf(this PlannedSet set, MovementId id) => set.Movements.Single(m => m.Movement.Id == id).Reps;
}
