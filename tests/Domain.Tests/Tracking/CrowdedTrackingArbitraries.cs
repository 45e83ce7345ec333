using FsCheck;
using FsCheck.Fluent;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>
/// Weeks whose entries and prompts fall on a few whole hours of a fortnight, so that many are
/// done at the same instant: the order such ties are taken in decides which prompts they answer.
/// </summary>
public static class CrowdedTrackingArbitraries
{
    private static readonly DateOnly FirstDay = new(2025, 3, 3);

    private static readonly DateTimeOffset WeekStartUtc = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    public static Arbitrary<TrackingScenario> Scenario() => Arb.From(
        from zone in Gen.Elements(TimeZoneInfo.Utc, TrackingFixtures.Berlin, TrackingFixtures.NewYork)
        from workDays in Gen.SubListOf(Enum.GetValues<DayOfWeek>())
        from prompts in Gen.ListOf(PromptGen())
        from log in Gen.ListOf(EntryGen())
        from asOfHours in Gen.Choose(0, 9 * 24)
        select new TrackingScenario(zone, workDays.ToHashSet(), FirstDay, [.. prompts], [.. log], WeekStartUtc.AddHours(asOfHours)));

    private static Gen<DateTimeOffset> HourGen() =>
        from hour in Gen.Choose(-7 * 24, 8 * 24)
        where hour % 11 == 0
        select WeekStartUtc.AddHours(hour);

    private static Gen<PromptedSet> PromptGen() =>
        from dueAt in HourGen()
        from routine in Gen.Elements(RoutineKind.StartOfDay, RoutineKind.AfterLunch)
        from status in Gen.Elements(Enum.GetValues<PromptStatus>())
        select new PromptedSet(dueAt, routine, status);

    private static Gen<LogEntry> EntryGen() =>
        from doneAt in HourGen()
        from movements in Gen.ListOf(Gen.Elements(Enum.GetValues<MovementId>())).Select(list => list.Take(3).ToList())
        from before in Gen.Elements<int?>(null, 1, 3, 5)
        from after in Gen.Elements<int?>(null, 1, 2, 4)
        from routine in Gen.Elements<RoutineKind?>(null, RoutineKind.StartOfDay, RoutineKind.AfterLunch)
        select new LogEntry(
            doneAt,
            movements,
            before is { } b ? FatigueRating.Create(b) : null,
            after is { } a ? FatigueRating.Create(a) : null,
            null,
            routine);
}
