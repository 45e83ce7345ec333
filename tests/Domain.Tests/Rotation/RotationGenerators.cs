using FsCheck;
using FsCheck.Fluent;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Rotation;

/// <summary>Random histories and requests around the working day of <see cref="RotationTestData"/>.</summary>
internal static class RotationGenerators
{
    private static readonly MovementId[] AllMovements = Enum.GetValues<MovementId>();

    public static Gen<MovementId[]> Movements { get; } =
        Gen.SubListOf(AllMovements).Where(list => list.Count > 0).Select(list => list.ToArray());

    public static Gen<FatigueRating?> Rating { get; } =
        Gen.Frequency(
            (1, Gen.Constant<FatigueRating?>(null)),
            (4, Gen.Choose(FatigueRating.Lowest, FatigueRating.Highest).Select(v => (FatigueRating?)FatigueRating.Create(v))));

    /// <summary>A minute of the working day (08:00–18:00), some days back.</summary>
    public static Gen<DateTimeOffset> Instant(int fromDay, int toDay) =>
        from day in Gen.Choose(fromDay, toDay)
        from minute in Gen.Choose(8 * 60, 18 * 60)
        select RotationTestData.StartOfDay.AddDays(day).AddMinutes(minute);

    /// <summary>Sets offered over the given days, at distinct instants so that "in a row" is well defined.</summary>
    public static Gen<PastSet[]> Offered(int fromDay, int toDay) =>
        Gen.ListOf(
                from at in Instant(fromDay, toDay)
                from movements in Movements
                select new PastSet(at, null, movements))
            .Select(sets => sets.DistinctBy(s => s.OfferedAt).ToArray());

    /// <summary>Log entries over the given days, at distinct instants, with random ratings.</summary>
    public static Gen<LogEntry[]> Log(int fromDay, int toDay) =>
        Gen.ListOf(
                from at in Instant(fromDay, toDay)
                from movements in Movements
                from before in Rating
                from after in Rating
                select new LogEntry(at, movements, before, after, null, null))
            .Select(entries => entries.DistinctBy(e => e.DoneAt).ToArray());

    public static Gen<(RoutineKind? Routine, SetFocus? Focus)> Request { get; } =
        Gen.OneOf(
            Gen.Elements(Enum.GetValues<RoutineKind>()).Select(kind => ((RoutineKind?)kind, (SetFocus?)null)),
            Gen.Elements(SetFocus.All.ToArray()).Select(focus => ((RoutineKind?)null, (SetFocus?)focus)));

    /// <summary>Any request at any time of today, after a random history of earlier days and earlier today.</summary>
    public static Arbitrary<RotationScenario> Scenarios { get; } =
        (from request in Request
         from at in Instant(0, 0)
         from earlierDays in Offered(-16, -1)
         from today in Offered(0, 0)
         from log in Log(-16, 0)
         select new RotationScenario(request.Routine, request.Focus, at, RotationTestData.StartOfDay, new RotationHistory([.. earlierDays, .. today], log)))
        .ToArbitrary();

    /// <summary>A random history of earlier days only, to start a simulated workday from.</summary>
    public static Arbitrary<RotationHistory> PriorDays { get; } =
        Gen.OneOf(
                Gen.Constant(RotationHistory.Empty),
                from offered in Offered(-16, -1)
                from log in Log(-16, -1)
                select new RotationHistory(offered, log))
            .ToArbitrary();

    /// <summary>The pre-meeting's minute: anywhere between the morning sets, never on a half hour.</summary>
    public static Arbitrary<int> PreMeetingMinute { get; } =
        Gen.Choose(9 * 60 + 1, 16 * 60 + 59).Where(minute => minute % 30 != 0).ToArbitrary();
}
