using FsCheck;
using FsCheck.Fluent;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>
/// Generates histories over the three weeks before a week and the week itself, in zones
/// from UTC−11 to UTC+14 (New York changes to summer time inside the week).
/// </summary>
public static class TrackingArbitraries
{
    private static readonly DateOnly FirstDay = new(2025, 3, 3);

    private static readonly DateTimeOffset WeekStartUtc = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private const int MinutesPerDay = 24 * 60;

    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.Utc,
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
        TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"),
        TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"),
        TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago"),
    ];

    public static Arbitrary<TrackingScenario> Scenario() => Arb.From(ScenarioGen());

    private static Gen<TrackingScenario> ScenarioGen() =>
        from zone in Gen.Elements(Zones)
        from workDays in Gen.SubListOf(Enum.GetValues<DayOfWeek>())
        from prompts in Gen.ListOf(PromptGen())
        from log in Gen.ListOf(EntryGen())
        from asOfMinutes in Gen.Choose(0, 9 * MinutesPerDay)
        select new TrackingScenario(
            zone,
            workDays.ToHashSet(),
            FirstDay,
            [.. prompts],
            [.. log],
            WeekStartUtc.AddMinutes(asOfMinutes));

    private static Gen<PromptedSet> PromptGen() =>
        from minutes in Gen.Choose(-MinutesPerDay, 8 * MinutesPerDay)
        from routine in Gen.Elements(Enum.GetValues<RoutineKind>())
        from status in Gen.Elements(Enum.GetValues<PromptStatus>())
        select new PromptedSet(WeekStartUtc.AddMinutes(minutes), routine, status);

    private static Gen<LogEntry> EntryGen() =>
        from minutes in Gen.Choose(-21 * MinutesPerDay, 8 * MinutesPerDay)
        from movements in Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<MovementId>())).Select(list => list.Take(4).ToList())
        from before in RatingGen()
        from after in RatingGen()
        from routine in Gen.Frequency((1, Gen.Constant<RoutineKind?>(null)), (3, Gen.Elements(Enum.GetValues<RoutineKind>()).Select(r => (RoutineKind?)r)))
        select new LogEntry(WeekStartUtc.AddMinutes(minutes), movements, before, after, null, routine);

    private static Gen<FatigueRating?> RatingGen() =>
        Gen.Frequency(
            (1, Gen.Constant<FatigueRating?>(null)),
            (3, Gen.Choose(FatigueRating.Lowest, FatigueRating.Highest).Select(value => (FatigueRating?)FatigueRating.Create(value))));
}
