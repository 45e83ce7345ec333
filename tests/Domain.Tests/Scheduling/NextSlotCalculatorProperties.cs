using FsCheck.Xunit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>Properties of <see cref="NextSlotCalculator"/> over generated schedules, zones and instants.</summary>
public sealed class NextSlotCalculatorProperties
{
    private const int Cases = 500;

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void Generated_Schedule_IsValid(ScheduleCase c)
    {
        Assert.Empty(c.Schedule.Validate());
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void NextAfter_AnyCase_IsStrictlyAfterAndNotPaused(ScheduleCase c)
    {
        var next = NextSlotCalculator.NextAfter(c.Schedule, c.Zone, c.After);
        if (next is null)
        {
            return;
        }

        Assert.True(next.DueAt > c.After, $"{next} is not after {c.After:O}");
        Assert.Equal(TimeSpan.Zero, next.DueAt.Offset);
        if (c.Schedule.PausedUntil is { } pausedUntil)
        {
            Assert.True(next.DueAt >= pausedUntil, $"{next} is before the pause end {pausedUntil:O}");
        }
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void NextAfter_AnyCase_IsAnEnabledRoutineWithinTheWorkday(ScheduleCase c)
    {
        var next = NextSlotCalculator.NextAfter(c.Schedule, c.Zone, c.After);
        if (next is null)
        {
            return;
        }

        var s = c.Schedule;
        Assert.Contains(next.LocalDate.DayOfWeek, s.WorkDays);
        Assert.Contains(next.Routine, s.EnabledRoutines);
        Assert.InRange(next.LocalTime, s.DayStart, s.DayEnd);

        // The wall time of the instant is the scheduled one, unless that did not exist (a gap):
        // then it is due at the first instant after the gap.
        var wall = next.LocalDate.ToDateTime(next.LocalTime);
        var dueWall = TimeZoneInfo.ConvertTime(next.DueAt, c.Zone).DateTime;
        if (c.Zone.IsInvalidTime(wall))
        {
            Assert.True(dueWall > wall);
            Assert.True(TimeZoneInfo.ConvertTime(next.DueAt.AddTicks(-1), c.Zone).DateTime < wall);
        }
        else
        {
            Assert.Equal(wall, dueWall);
        }
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void NextAfter_AnyCase_NoSlotLiesStrictlyBetween(ScheduleCase c)
    {
        var next = NextSlotCalculator.NextAfter(c.Schedule, c.Zone, c.After);
        var searchFrom = c.Schedule.PausedUntil is { } p && p > c.After ? p : c.After;
        var firstDay = c.LocalDateOf(c.After).AddDays(-1);
        var lastDay = next?.LocalDate.AddDays(1) ?? c.LocalDateOf(searchFrom).AddDays(NextSlotCalculator.SearchDays);

        var slots = new List<SlotOccurrence>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            slots.AddRange(NextSlotCalculator.SlotsOn(c.Schedule, c.Zone, day));
        }

        var between = slots.Where(slot => slot.DueAt > c.After && (next is null || slot.DueAt < next.DueAt)).ToList();
        Assert.True(between.Count == 0, $"Missed {string.Join(", ", between)} before {next}");
        if (next is not null)
        {
            Assert.Contains(next, slots);
        }
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void NextAfter_OneTickBeforeTheResult_GivesTheSameResult(ScheduleCase c)
    {
        var next = NextSlotCalculator.NextAfter(c.Schedule, c.Zone, c.After);
        if (next is null)
        {
            return;
        }

        Assert.Equal(next, NextSlotCalculator.NextAfter(c.Schedule, c.Zone, next.DueAt.AddTicks(-1)));
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void NextAfter_SameInstantInAnotherOffset_GivesTheSameResult(ScheduleCase c)
    {
        var elsewhere = c.After.ToOffset(TimeSpan.FromMinutes(-9 * 60 - 30));

        Assert.Equal(
            NextSlotCalculator.NextAfter(c.Schedule, c.Zone, c.After),
            NextSlotCalculator.NextAfter(c.Schedule, c.Zone, elsewhere));
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void NextAfter_Null_OnlyWhenNoAnchorRoutineIsEnabled(ScheduleCase c)
    {
        var next = NextSlotCalculator.NextAfter(c.Schedule, c.Zone, c.After);

        var anchorsEnabled = c.Schedule.EnabledRoutines.Overlaps([RoutineKind.StartOfDay, RoutineKind.AfterLunch, RoutineKind.EndOfDay]);
        Assert.True(next is not null || !anchorsEnabled, "A start, after-lunch or end-of-day set is always due eventually.");
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases / 4)]
    public void NextAfter_CalledWithEachResult_WalksTheSlotsOfTheDaysInOrder(ScheduleCase c)
    {
        var walked = new List<SlotOccurrence>();
        var after = c.After;
        for (var i = 0; i < 40; i++)
        {
            var next = NextSlotCalculator.NextAfter(c.Schedule, c.Zone, after);
            if (next is null)
            {
                break;
            }

            walked.Add(next);
            after = next.DueAt;
        }

        if (walked.Count == 0)
        {
            return;
        }

        var expected = new List<SlotOccurrence>();
        for (var day = c.LocalDateOf(c.After).AddDays(-1); day <= walked[^1].LocalDate; day = day.AddDays(1))
        {
            expected.AddRange(NextSlotCalculator.SlotsOn(c.Schedule, c.Zone, day)
                .Where(slot => slot.DueAt > c.After && slot.DueAt <= walked[^1].DueAt));
        }

        // Across a gap spanning midnight a slot of one day may share its instant with the next day's;
        // the walk delivers only one of them.
        var expectedDistinct = expected.DistinctBy(slot => slot.DueAt).OrderBy(slot => slot.DueAt);
        Assert.Equal(expectedDistinct.Select(slot => slot.Key), walked.Select(slot => slot.Key));
        Assert.Equal(walked.Count, walked.Select(slot => slot.Key).Distinct().Count());
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void SlotsOn_AnyDay_HasUniqueKeysAndStrictlyIncreasingInstants(ScheduleCase c)
    {
        var date = c.LocalDateOf(c.After);
        for (var day = date.AddDays(-1); day <= date.AddDays(1); day = day.AddDays(1))
        {
            var slots = NextSlotCalculator.SlotsOn(c.Schedule, c.Zone, day);

            Assert.Equal(slots.Count, slots.Select(slot => slot.Key).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(slots.Count, slots.Select(slot => slot.LocalTime).Distinct().Count());
            Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.True(pair.First.DueAt < pair.Second.DueAt, $"{pair.First} !< {pair.Second}"));
            Assert.All(slots, slot => Assert.Equal(day, slot.LocalDate));
            Assert.All(slots, slot => Assert.Equal(TimeSpan.Zero, slot.DueAt.Offset));
        }
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = Cases)]
    public void SlotsOn_AnyDay_RecurringSetsKeepTheirDistanceFromOtherSets(ScheduleCase c)
    {
        var s = c.Schedule;
        var slots = NextSlotCalculator.SlotsOn(s, c.Zone, c.LocalDateOf(c.After));
        var recurring = slots.Where(slot => slot.Routine == RoutineKind.Every30Minutes).ToList();
        var others = slots.Where(slot => slot.Routine != RoutineKind.Every30Minutes).ToList();

        foreach (var slot in recurring)
        {
            Assert.False(slot.LocalTime >= s.LunchStart && slot.LocalTime < s.LunchEnd, $"{slot} is in the lunch break");
            Assert.True(slot.LocalTime < s.EndOfDayAt, $"{slot} is not before the end-of-day time");
            Assert.Equal(0, (slot.LocalTime - s.DayStart).Ticks % s.Cadence.Ticks);
            Assert.All(others, other => Assert.True(
                (other.LocalTime.ToTimeSpan() - slot.LocalTime.ToTimeSpan()).Duration() > NextSlotCalculator.NearbySlotWindow,
                $"{slot} is too close to {other}"));
        }
    }
}
