using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;

namespace MicroMove.Domain.Tests.Rotation;

public sealed class RotationPropertyTests
{
    private static readonly Arbitrary<RotationScenario> Scenarios = RotationGenerators.Scenarios;

    [Property]
    public Property Plan_AnyHistory_NeverEmptyNoDuplicatesRepsInRange() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var set = scenario.Plan();
            return set.Movements.Count > 0
                && set.MovementIds.Distinct().Count() == set.Movements.Count
                && set.Movements.All(m => m.Movement.Reps.Contains(m.Reps))
                && set.TotalEstimatedDuration == set.Movements.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Movement.EstimatedSetDuration(m.Reps));
        });

    [Property]
    public Property Plan_AnyHistory_NoThirdInARowUnlessTheRegionHasNothingElse() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var set = scenario.Plan();
            var blocked = scenario.Blocked();
            return set.Movements
                .Where(m => blocked.Contains(m.Movement.Id))
                .All(repeat => MovementCatalogue.InRegion(repeat.Movement.Region)
                    .All(other => blocked.Contains(other.Id) || set.MovementIds.Contains(other.Id)));
        });

    [Property]
    public Property Plan_ScheduledSetWithoutLegInTheLastHour_ContainsALegMovement() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var legWithinHour = scenario.History.Offered.Any(s =>
                s.OfferedAt < scenario.At
                && s.OfferedAt >= scenario.At - RotationPlanner.LegInterval
                && s.Movements.Any(m => MovementCatalogue.Get(m).IsLegFocused));
            var set = scenario.Plan();
            return scenario.Focus is not null || legWithinHour || set.Movements.Any(m => m.Movement.IsLegFocused);
        });

    [Property]
    public Property Plan_ScheduledSet_WorksEveryTightRegionThatHasAFreshMovement() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var set = scenario.Plan();
            var blocked = scenario.Blocked();
            return scenario.Focus is not null
                || TightRegions.Detect(scenario.History.Log.Where(e => e.DoneAt < scenario.At), scenario.At)
                    .All(region => set.Movements.Any(m => m.Movement.Region == region)
                        || MovementCatalogue.InRegion(region).All(m => blocked.Contains(m.Id)));
        });

    [Property]
    public Property Plan_AnyHistory_FewerRepsExactlyForEffortlessMovements() =>
        Prop.ForAll(Scenarios, scenario =>
            scenario.Plan().Movements.All(m =>
                m.Reps == (EffortlessMovements.IsEffortless(m.Movement.Id, scenario.History.Log, scenario.At)
                    ? m.Movement.Reps.Min
                    : m.Movement.Reps.Max)));

    [Property]
    public Property Plan_FocusedSet_TwoOrThreeMovementsOfTheRequestedRegion() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var set = scenario.Plan();
            return scenario.Focus is not { } focus
                || (set.Movements.Count is >= RotationPlanner.MinFocusMovements and <= RotationPlanner.MaxFocusMovements
                    && set.Movements.All(m => m.Movement.Region == focus.Region));
        });

    [Property]
    public Property Plan_ScheduledSet_StartsFromTheRoutinesRegions() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var set = scenario.Plan();
            var blocked = scenario.Blocked();
            return scenario.Routine is not { } kind
                || MovementCatalogue.Get(kind).Parts.All(part =>
                    set.Movements.Any(m => m.Movement.Region == part.Region)
                    || MovementCatalogue.InRegion(part.Region).All(m => blocked.Contains(m.Id)));
        });

    [Property]
    public Property Plan_SameInputInAnyOrder_SameSet() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var reversed = scenario with
            {
                History = new([.. scenario.History.Offered.Reverse()], [.. scenario.History.Log.Reverse()]),
            };
            var first = scenario.Plan();
            var second = reversed.Plan();
            return first.Movements.SequenceEqual(second.Movements)
                && first.Reasons.SequenceEqual(second.Reasons)
                && first.Tip == second.Tip;
        });

    [Property]
    public Property Plan_EndOfDay_IncludesEverythingNotYetOfferedTodayUpToTheCap() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var today = scenario.History.Offered
                .Where(s => s.OfferedAt >= scenario.StartOfDay && s.OfferedAt < scenario.At)
                .SelectMany(s => s.Movements)
                .ToHashSet();
            var circuit = RotationPlanner.Plan(RoutineKind.EndOfDay, null, scenario.At, scenario.StartOfDay, scenario.History);
            return circuit.Movements.Count >= RotationPlanner.MaxCircuitMovements
                || Enum.GetValues<MovementId>().All(id => today.Contains(id) || circuit.MovementIds.Contains(id));
        });

    [Property]
    public Property Workday_OnlyStartAndEndOfDayOffered_StillCoversTheFullMenu() =>
        Prop.ForAll(RotationGenerators.PriorDays, priorDays =>
        {
            var start = RotationPlanner.Plan(RoutineKind.StartOfDay, null, RotationTestData.At(9), RotationTestData.StartOfDay, priorDays);
            var end = RotationPlanner.Plan(RoutineKind.EndOfDay, null, RotationTestData.At(17, 20), RotationTestData.StartOfDay, priorDays.With(start.ToPastSet()));
            return start.MovementIds.Union(end.MovementIds).ToHashSet().SetEquals(Enum.GetValues<MovementId>());
        });

    [Property]
    public Property Workday_FromAnyPriorDays_CoversTheFullMenu() =>
        Prop.ForAll(RotationGenerators.PriorDays, RotationGenerators.PreMeetingMinute, (priorDays, preMeeting) =>
        {
            var offered = Workday.Simulate(priorDays, preMeeting).SelectMany(s => s.MovementIds).ToHashSet();
            return offered.SetEquals(Enum.GetValues<MovementId>());
        });

    [Property]
    public Property Workday_FromAnyPriorDays_NoHourWithoutALegMovement() =>
        Prop.ForAll(RotationGenerators.PriorDays, RotationGenerators.PreMeetingMinute, (priorDays, preMeeting) =>
        {
            var sets = Workday.Simulate(priorDays, preMeeting);
            var legSets = sets.Where(s => s.Movements.Any(m => m.Movement.IsLegFocused)).Select(s => s.At).ToList();
            return sets.All(set =>
                set.Movements.Any(m => m.Movement.IsLegFocused)
                || legSets.Any(at => at < set.At && at >= set.At - RotationPlanner.LegInterval));
        });

    [Property]
    public Property Workday_FromAnyPriorDays_NoMovementThreeSetsInARow() =>
        Prop.ForAll(RotationGenerators.PriorDays, RotationGenerators.PreMeetingMinute, (priorDays, preMeeting) =>
        {
            var sets = Workday.Simulate(priorDays, preMeeting);
            return sets.Zip(sets.Skip(1), sets.Skip(2))
                .All(run => !run.First.MovementIds.Intersect(run.Second.MovementIds).Intersect(run.Third.MovementIds).Any());
        });
}
