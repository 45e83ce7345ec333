using System.Globalization;
using FsCheck.Xunit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>
/// The one-pass calculator against <see cref="ReferenceStatistics"/> (the LINQ original): every
/// figure of every generated week the same, to the last bit of each average.
/// </summary>
public sealed class CalculatorAgreementTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 500)]
    public void Calculate_AnyWeek_AgreesWithTheReference(TrackingScenario scenario) =>
        Assert.Equal(Describe(Reference(scenario)), Describe(scenario.Calculate()));

    [Property(Arbitrary = [typeof(CrowdedTrackingArbitraries)], MaxTest = 500)]
    public void Calculate_WeekWithSetsDoneAtTheSameInstant_AgreesWithTheReference(TrackingScenario scenario) =>
        Assert.Equal(Describe(Reference(scenario)), Describe(scenario.Calculate()));

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 300)]
    public void WorkDayStreak_AnyLog_AgreesWithTheReference(TrackingScenario scenario) =>
        Assert.Equal(
            ReferenceStatistics.Streak(scenario.Log, scenario.TimeZone, scenario.WorkDays, scenario.AsOf),
            WorkDayStreak.Calculate(scenario.Log, scenario.TimeZone, scenario.WorkDays, scenario.AsOf));

    [Property(Arbitrary = [typeof(TrackingArbitraries)], MaxTest = 200)]
    public void FromLoggedSets_TheLogInAnyOrder_GivesTheSameWeek(TrackingScenario scenario)
    {
        // Generated entries are minutes apart, so reversing changes only the order they are given in.
        var reversed = scenario.Log.Select(LoggedSet.From).Reverse().ToArray();

        var week = WeeklyStatisticsCalculator.FromLoggedSets(scenario.TimeZone, scenario.WorkDays, scenario.FirstDay, scenario.Prompts, reversed, scenario.AsOf);

        Assert.Equal(Describe(Reference(scenario)), Describe(week));
    }

    [Fact]
    public void FromLoggedSets_TwoSetsOfTheRoutineAtOneInstant_OnlyOneAnswersTheOnlyPrompt()
    {
        var nine = At(Monday, 9);
        var prompts = new[] { Prompt(nine, RoutineKind.StartOfDay) };
        LoggedSet[] log =
        [
            new(nine.AddMinutes(5), MovementSet.Empty.With(MovementId.AnklePumps), null, FatigueRating.Create(2), RoutineKind.StartOfDay),
            new(nine.AddMinutes(5), MovementSet.Empty.With(MovementId.SeatedCatCow), null, FatigueRating.Create(4), RoutineKind.StartOfDay),
        ];

        var week = WeeklyStatisticsCalculator.FromLoggedSets(Berlin, MondayToFriday, Monday, prompts, log, At(Monday, 18));

        Assert.Equal(new Completion(1, 1), week.Completion);
        Assert.Equal(2, week.SetsDone);
    }

    [Fact]
    public void FromLoggedSets_NoLog_IsAnEmptyWeekWithSevenDays()
    {
        var week = WeeklyStatisticsCalculator.FromLoggedSets(Berlin, MondayToFriday, Monday, [], [], At(Monday, 18));

        Assert.Equal(0, week.SetsDone);
        Assert.Equal(WorkDayStreak.None, week.Streak);
        Assert.Null(week.AverageFatigueAfter);
        Assert.Null(week.TightestRegion);
        Assert.Empty(week.Movements);
        Assert.Equal(7, week.Days.Count);
        Assert.All(Enum.GetValues<BodyRegion>(), region => Assert.Equal(0, week.SetsPerRegion[region]));
    }

    private static WeeklyStatistics Reference(TrackingScenario s) =>
        ReferenceStatistics.Calculate(s.TimeZone, s.WorkDays, s.FirstDay, s.Prompts, s.Log, s.AsOf);

    /// <summary>Every figure as text, doubles round-trip exact, dictionaries in their enumeration order.</summary>
    private static string Describe(WeeklyStatistics w) =>
        string.Join(
            "\n",
            [
                $"{w.FirstDay:O} completion {w.Completion.Prompted}/{w.Completion.Done} sets {w.SetsDone} instant {w.InstantSetsDone} streak {w.Streak}",
                $"fatigue {D(w.AverageFatigueBefore)} {D(w.AverageFatigueAfter)} {D(w.AverageFatigueChange)} regions {Regions(w.SetsPerRegion)}",
                $"tightest {(w.TightestRegion is { } t ? $"{t.Region} {D(t.AverageFatigueAfter)} {t.RatedSets} {D(t.PreviousAverageFatigueAfter)} {t.Trend}" : "none")}",
                .. w.Movements.Select(m => $"movement {m.Movement} {m.SetsDone} {m.RatedSets} {D(m.AverageFatigueAfter)} {m.HighestFatigueAfter}"),
                .. w.Days.Select(d => $"day {d.Date:O} {d.IsWorkDay} {d.SetsDone} {D(d.AverageFatigueBefore)} {D(d.AverageFatigueAfter)} {Regions(d.SetsPerRegion)}"),
            ]);

    private static string D(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";

    private static string Regions(IReadOnlyDictionary<BodyRegion, int> counts) =>
        $"{counts.Count}:" + string.Join(",", counts.Select(pair => $"{pair.Key}={pair.Value}"));
}
