using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

public sealed class NextSlotCalculatorTests
{
    private const string Berlin = "Europe/Berlin";

    // Monday 2026-11-23 … Sunday 2026-11-29 (Berlin is on +01:00 all week).
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly string[] DefaultDay =
    [
        "09:00/start-of-day",
        "09:30/every-30-minutes", "10:00/every-30-minutes", "10:30/every-30-minutes",
        "11:00/every-30-minutes", "11:30/every-30-minutes", "12:00/every-30-minutes",
        "13:15/after-lunch",
        "13:30/every-30-minutes", "14:00/every-30-minutes", "14:30/every-30-minutes", "15:00/every-30-minutes",
        "15:30/every-30-minutes", "16:00/every-30-minutes", "16:30/every-30-minutes", "17:00/every-30-minutes",
        "17:20/end-of-day",
    ];

    private static WorkSchedule Default => WorkSchedule.Default(Berlin);

    private static TimeZoneInfo Zone => TestZones.Get(Berlin);

    private static string[] Day(WorkSchedule schedule, DateOnly date) =>
        TestZones.TimesAndRoutines(NextSlotCalculator.SlotsOn(schedule, Zone, date));

    // ---- SlotsOn: the shape of a day ----

    [Fact]
    public void SlotsOn_DefaultWorkday_FollowsTheArticleTable()
    {
        Assert.Equal(DefaultDay, Day(Default, Monday));
    }

    [Fact]
    public void SlotsOn_DefaultWorkday_HasUtcInstantsAndFullKeys()
    {
        var slots = NextSlotCalculator.SlotsOn(Default, Zone, Monday);

        Assert.All(slots, slot => Assert.Equal(TimeSpan.Zero, slot.DueAt.Offset));
        Assert.All(slots, slot => Assert.Equal(Monday, slot.LocalDate));
        Assert.Equal(TestZones.Utc(2026, 11, 23, 8, 0), slots[0].DueAt);
        Assert.Equal("2026-11-23T09:00/start-of-day", slots[0].Key);
        Assert.Equal(TestZones.Utc(2026, 11, 23, 16, 20), slots[^1].DueAt);
    }

    [Theory]
    [InlineData(5)] // Saturday
    [InlineData(6)] // Sunday
    public void SlotsOn_DayOff_IsEmpty(int daysAfterMonday)
    {
        Assert.Empty(NextSlotCalculator.SlotsOn(Default, Zone, Monday.AddDays(daysAfterMonday)));
    }

    [Fact]
    public void SlotsOn_SaturdayAsWorkDay_HasSlots()
    {
        var schedule = Default with { WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Saturday } };

        Assert.Equal(DefaultDay, Day(schedule, Monday.AddDays(5)));
        Assert.Empty(Day(schedule, Monday));
    }

    [Theory]
    // Lunch 12:00–13:00: 12:00 and 12:30 are in the break, 13:00 is the after-lunch set itself.
    [InlineData("12:00", 60, "11:30/every-30-minutes", "13:00/after-lunch", "13:30/every-30-minutes")]
    // Lunch 11:50–12:20: 12:00 in the break; 12:30 is 10 minutes after the after-lunch set, so dropped too.
    [InlineData("11:50", 30, "11:30/every-30-minutes", "12:20/after-lunch", "13:00/every-30-minutes")]
    // Lunch 12:05–12:45: 12:00 is 45 min before lunch end but in no window; 12:30 in the break.
    [InlineData("12:05", 40, "12:00/every-30-minutes", "12:45/after-lunch", "13:00/every-30-minutes")]
    public void SlotsOn_LunchBreak_SkipsRecurringSetsAndAddsAfterLunch(string lunchStart, int minutes, string before, string afterLunch, string after)
    {
        var schedule = Default with { LunchStart = TestZones.Time(lunchStart), LunchDuration = TimeSpan.FromMinutes(minutes) };

        var day = Day(schedule, Monday);

        var index = Array.IndexOf(day, afterLunch);
        Assert.True(index > 0, string.Join(", ", day));
        Assert.Equal([before, afterLunch, after], day[(index - 1)..(index + 2)]);
        Assert.Single(day, s => s.EndsWith("/after-lunch", StringComparison.Ordinal));
    }

    [Theory]
    // Meeting 10:45 → set at 10:40; 10:30 is within 10 min, dropped; 11:00 (20 min) stays.
    [InlineData("10:45", "10:00/every-30-minutes,10:40/pre-meeting,11:00/every-30-minutes")]
    // Meeting 10:25 → 10:20; 10:30 exactly 10 min away: "within" is inclusive, dropped.
    [InlineData("10:25", "10:00/every-30-minutes,10:20/pre-meeting,11:00/every-30-minutes")]
    // Meeting 10:24 → 10:19; 10:30 is 11 min away, stays; 10:00 is 19 min away, stays.
    [InlineData("10:24", "10:00/every-30-minutes,10:19/pre-meeting,10:30/every-30-minutes")]
    // Meeting 14:05 → 14:00, same time as a recurring set: the pre-meeting set wins.
    [InlineData("14:05", "13:30/every-30-minutes,14:00/pre-meeting,14:30/every-30-minutes")]
    public void SlotsOn_Meeting_AddsPreMeetingAndPushesRecurringAway(string meeting, string expectedAround)
    {
        var schedule = Default with { Meetings = [new RecurringMeeting(TestZones.Time(meeting))] };

        var day = Day(schedule, Monday);

        var expected = expectedAround.Split(',');
        var index = Array.IndexOf(day, expected[1]);
        Assert.True(index > 0, string.Join(", ", day));
        Assert.Equal(expected, day[(index - 1)..(index + 2)]);
    }

    [Theory]
    [InlineData("09:05", "09:00/pre-meeting", "09:00/start-of-day")]
    [InlineData("13:20", "13:15/pre-meeting", "13:15/after-lunch")]
    [InlineData("17:25", "17:20/pre-meeting", "17:20/end-of-day")]
    public void SlotsOn_PreMeetingAtSameTimeAsAnotherSet_KeepsOnlyThePreMeeting(string meeting, string kept, string dropped)
    {
        var schedule = Default with { Meetings = [new RecurringMeeting(TestZones.Time(meeting))] };

        var day = Day(schedule, Monday);

        Assert.Contains(kept, day);
        Assert.DoesNotContain(dropped, day);
        Assert.Equal(day.Length, day.Select(s => s[..5]).Distinct().Count());
    }

    [Fact]
    public void SlotsOn_LunchEndingAtEndOfDaySlot_KeepsAfterLunch()
    {
        var schedule = Default with { LunchStart = new TimeOnly(16, 35), LunchDuration = TimeSpan.FromMinutes(45) };

        var day = Day(schedule, Monday);

        Assert.Equal("17:20/after-lunch", day[^1]);
        Assert.DoesNotContain("17:20/end-of-day", day);
    }

    [Theory]
    [InlineData("08:50")] // set at 08:45, before the day starts
    [InlineData("09:04")] // set at 08:59
    [InlineData("17:35")] // set at 17:30, the end of the day
    [InlineData("23:00")]
    [InlineData("00:03")] // set would be the previous evening
    public void SlotsOn_MeetingSetOutsideWorkingHours_IsLeftOut(string meeting)
    {
        var schedule = Default with { Meetings = [new RecurringMeeting(TestZones.Time(meeting))] };

        Assert.Equal(DefaultDay, Day(schedule, Monday));
    }

    [Fact]
    public void SlotsOn_MeetingOnSomeDays_OnlyThoseDaysHaveIt()
    {
        var schedule = Default with
        {
            Meetings = [new RecurringMeeting(new TimeOnly(15, 0), new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Saturday })],
        };

        Assert.DoesNotContain("14:55/pre-meeting", Day(schedule, Monday));
        Assert.Contains("14:55/pre-meeting", Day(schedule, Monday.AddDays(1)));
        Assert.Empty(Day(schedule, Monday.AddDays(5)));
    }

    [Fact]
    public void SlotsOn_TwoMeetingsAtSameTime_GiveOneSet()
    {
        var schedule = Default with
        {
            Meetings = [new RecurringMeeting(new TimeOnly(15, 0)), new RecurringMeeting(new TimeOnly(15, 0), new HashSet<DayOfWeek> { DayOfWeek.Monday })],
        };

        Assert.Single(Day(schedule, Monday), s => s == "14:55/pre-meeting");
    }

    [Fact]
    public void SlotsOn_CustomLead_MovesPreMeetingSet()
    {
        var schedule = Default with
        {
            Meetings = [new RecurringMeeting(new TimeOnly(15, 45))],
            PreMeetingLead = TimeSpan.FromMinutes(15),
        };

        Assert.Contains("15:30/pre-meeting", Day(schedule, Monday));
    }

    [Theory]
    [InlineData(RoutineKind.StartOfDay, "09:00/start-of-day")]
    [InlineData(RoutineKind.AfterLunch, "13:15/after-lunch")]
    [InlineData(RoutineKind.EndOfDay, "17:20/end-of-day")]
    public void SlotsOn_OnlyOneAnchorEnabled_HasOnlyThatSet(RoutineKind routine, string expected)
    {
        var schedule = Default with { EnabledRoutines = new HashSet<RoutineKind> { routine } };

        Assert.Equal([expected], Day(schedule, Monday));
    }

    [Fact]
    public void SlotsOn_RecurringDisabled_HasOnlyAnchors()
    {
        var schedule = Default with
        {
            EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.StartOfDay, RoutineKind.PreMeeting, RoutineKind.AfterLunch, RoutineKind.EndOfDay },
            Meetings = [new RecurringMeeting(new TimeOnly(10, 0))],
        };

        Assert.Equal(["09:00/start-of-day", "09:55/pre-meeting", "13:15/after-lunch", "17:20/end-of-day"], Day(schedule, Monday));
    }

    [Fact]
    public void SlotsOn_PreMeetingDisabled_RecurringSetNearMeetingStays()
    {
        var schedule = Default with
        {
            EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.Every30Minutes },
            Meetings = [new RecurringMeeting(new TimeOnly(10, 35))],
        };

        var day = Day(schedule, Monday);

        Assert.Contains("10:30/every-30-minutes", day);
        Assert.DoesNotContain(day, s => s.Contains("pre-meeting", StringComparison.Ordinal));
    }

    [Fact]
    public void SlotsOn_AnchorsDisabled_RecurringSetsNearThemStayButStopBeforeEndOfDayTime()
    {
        var schedule = Default with
        {
            EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.Every30Minutes },
            LunchStart = new TimeOnly(12, 0),
            LunchDuration = TimeSpan.FromMinutes(55),
        };

        var day = Day(schedule, Monday);

        Assert.Contains("13:00/every-30-minutes", day); // 5 min after lunch end, no after-lunch set to defer to
        Assert.Equal("17:00/every-30-minutes", day[^1]); // still stops before 17:20
        Assert.Equal("09:30/every-30-minutes", day[0]);
    }

    [Theory]
    [InlineData(15, 31)]
    [InlineData(30, 17)]
    [InlineData(45, 12)]
    [InlineData(120, 6)]
    public void SlotsOn_Cadence_SetsTheRecurringInterval(int cadenceMinutes, int expectedCount)
    {
        var schedule = Default with { Cadence = TimeSpan.FromMinutes(cadenceMinutes) };

        var day = Day(schedule, Monday);

        Assert.Equal(expectedCount, day.Length);
    }

    [Fact]
    public void SlotsOn_Cadence120_HasExactTimes()
    {
        var schedule = Default with { Cadence = TimeSpan.FromMinutes(120) };

        Assert.Equal(
            ["09:00/start-of-day", "11:00/every-30-minutes", "13:15/after-lunch", "15:00/every-30-minutes", "17:00/every-30-minutes", "17:20/end-of-day"],
            Day(schedule, Monday));
    }

    [Fact]
    public void SlotsOn_RecurringWithinTenMinutesOfEndOfDay_IsDropped()
    {
        var schedule = Default with { DayEnd = new TimeOnly(17, 15), EndOfDayLead = TimeSpan.FromMinutes(5) };

        var day = Day(schedule, Monday);

        Assert.Equal(["16:30/every-30-minutes", "17:10/end-of-day"], day[^2..]);
    }

    [Fact]
    public void SlotsOn_PausedUntilMidDay_OmitsEarlierSlots()
    {
        var schedule = Default with { PausedUntil = TestZones.Local(Berlin, 2026, 11, 23, 16, 30) };

        Assert.Equal(["16:30/every-30-minutes", "17:00/every-30-minutes", "17:20/end-of-day"], Day(schedule, Monday));
    }

    [Fact]
    public void SlotsOn_InvalidSchedule_Throws()
    {
        var schedule = Default with { Cadence = TimeSpan.FromMinutes(5) };

        var error = Assert.Throws<ArgumentException>(() => NextSlotCalculator.SlotsOn(schedule, Zone, Monday));
        Assert.Contains("cadence", error.Message, StringComparison.Ordinal);
    }

    // ---- NextAfter ----

    [Theory]
    [InlineData("2026-11-23T10:05:00+01:00", "2026-11-23T10:30/every-30-minutes")]
    [InlineData("2026-11-23T10:30:00+01:00", "2026-11-23T11:00/every-30-minutes")] // strictly after
    [InlineData("2026-11-23T10:29:59.9999999+01:00", "2026-11-23T10:30/every-30-minutes")]
    [InlineData("2026-11-23T05:00:00+01:00", "2026-11-23T09:00/start-of-day")]
    [InlineData("2026-11-23T12:01:00+01:00", "2026-11-23T13:15/after-lunch")]
    [InlineData("2026-11-23T17:00:00+01:00", "2026-11-23T17:20/end-of-day")]
    [InlineData("2026-11-23T17:20:00+01:00", "2026-11-24T09:00/start-of-day")]
    [InlineData("2026-11-23T23:59:59+01:00", "2026-11-24T09:00/start-of-day")]
    [InlineData("2026-11-27T17:21:00+01:00", "2026-11-30T09:00/start-of-day")] // Friday evening → Monday
    [InlineData("2026-11-28T12:00:00+01:00", "2026-11-30T09:00/start-of-day")] // Saturday
    [InlineData("2026-11-29T23:59:00+01:00", "2026-11-30T09:00/start-of-day")] // Sunday night
    // The same instants written in other offsets give the same answer.
    [InlineData("2026-11-23T09:05:00+00:00", "2026-11-23T10:30/every-30-minutes")]
    [InlineData("2026-11-23T04:05:00-05:00", "2026-11-23T10:30/every-30-minutes")]
    [InlineData("2026-11-28T01:21:00+09:00", "2026-11-30T09:00/start-of-day")] // Saturday in Tokyo, Friday in Berlin
    [InlineData("2026-11-30T07:59:00+14:00", "2026-11-30T09:00/start-of-day")] // Monday in Kiritimati, Sunday in Berlin
    public void NextAfter_Instant_ReturnsFirstSlotStrictlyAfter(string after, string expectedKey)
    {
        var next = NextSlotCalculator.NextAfter(Default, Zone, Parse(after));

        Assert.NotNull(next);
        Assert.Equal(expectedKey, next.Key);
        Assert.Equal(TimeSpan.Zero, next.DueAt.Offset);
    }

    [Fact]
    public void NextAfter_FridayAfterLastSlot_IsMondayStartAtTheRightInstant()
    {
        var next = NextSlotCalculator.NextAfter(Default, Zone, TestZones.Local(Berlin, 2026, 11, 27, 17, 20));

        Assert.Equal(
            new SlotOccurrence(RoutineKind.StartOfDay, new DateOnly(2026, 11, 30), new TimeOnly(9, 0), TestZones.Utc(2026, 11, 30, 8, 0)),
            next);
    }

    [Theory]
    // Paused until mid-day: the first slot at or after the pause end.
    [InlineData("2026-11-23T08:00:00+01:00", "2026-11-23T11:10:00+01:00", "2026-11-23T11:30/every-30-minutes")]
    // A slot exactly at the pause end is due.
    [InlineData("2026-11-23T08:00:00+01:00", "2026-11-23T11:30:00+01:00", "2026-11-23T11:30/every-30-minutes")]
    // Paused over several days.
    [InlineData("2026-11-23T10:00:00+01:00", "2026-11-26T14:10:00+01:00", "2026-11-26T14:30/every-30-minutes")]
    // Paused into a weekend.
    [InlineData("2026-11-23T10:00:00+01:00", "2026-11-28T09:00:00+01:00", "2026-11-30T09:00/start-of-day")]
    // Paused much longer than the search horizon.
    [InlineData("2026-11-23T10:00:00+01:00", "2027-01-20T13:00:00+01:00", "2027-01-20T13:15/after-lunch")]
    // Pause already over: ignored.
    [InlineData("2026-11-23T10:00:00+01:00", "2026-11-20T10:00:00+01:00", "2026-11-23T10:30/every-30-minutes")]
    // Pause ending before the next slot anyway: no effect.
    [InlineData("2026-11-23T10:00:00+01:00", "2026-11-23T10:10:00+01:00", "2026-11-23T10:30/every-30-minutes")]
    public void NextAfter_Paused_SkipsSlotsBeforePauseEnd(string after, string pausedUntil, string expectedKey)
    {
        var schedule = Default with { PausedUntil = Parse(pausedUntil) };

        var next = NextSlotCalculator.NextAfter(schedule, Zone, Parse(after));

        Assert.Equal(expectedKey, next?.Key);
    }

    [Fact]
    public void NextAfter_EveryRoutineDisabled_IsNull()
    {
        var schedule = Default with { EnabledRoutines = new HashSet<RoutineKind>() };

        Assert.Null(NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Local(Berlin, 2026, 11, 23, 8, 0)));
    }

    [Fact]
    public void NextAfter_OnlyPreMeetingWithoutMeetings_IsNull()
    {
        var schedule = Default with { EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.PreMeeting } };

        Assert.Null(NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Local(Berlin, 2026, 11, 23, 8, 0)));
    }

    [Fact]
    public void NextAfter_OnlyPreMeetingWithMeetingOnNonWorkDay_IsNull()
    {
        var schedule = Default with
        {
            EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.PreMeeting },
            Meetings = [new RecurringMeeting(new TimeOnly(10, 0), new HashSet<DayOfWeek> { DayOfWeek.Sunday })],
        };

        Assert.Null(NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Local(Berlin, 2026, 11, 23, 8, 0)));
    }

    [Fact]
    public void NextAfter_OnlyRecurringButDayTooShortForOne_IsNull()
    {
        var schedule = Default with
        {
            EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.Every30Minutes },
            DayStart = new TimeOnly(9, 0),
            DayEnd = new TimeOnly(9, 30),
            LunchStart = new TimeOnly(9, 10),
            LunchDuration = TimeSpan.FromMinutes(5),
            EndOfDayLead = TimeSpan.FromMinutes(15),
        };

        Assert.Null(NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Local(Berlin, 2026, 11, 23, 8, 0)));
    }

    [Fact]
    public void NextAfter_WeeklyMeetingOnly_FindsItNextWeek()
    {
        var schedule = Default with
        {
            EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.PreMeeting },
            Meetings = [new RecurringMeeting(new TimeOnly(10, 0), new HashSet<DayOfWeek> { DayOfWeek.Wednesday })],
        };

        var next = NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Local(Berlin, 2026, 11, 25, 9, 55));

        Assert.Equal("2026-12-02T09:55/pre-meeting", next?.Key);
    }

    [Fact]
    public void NextAfter_OnlySundayIsAWorkDay_SkipsTheWeek()
    {
        var schedule = Default with { WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Sunday } };

        var next = NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Local(Berlin, 2026, 11, 23, 8, 0));

        Assert.Equal("2026-11-29T09:00/start-of-day", next?.Key);
    }

    [Fact]
    public void NextAfter_CalledWithEachResult_WalksTheWholeDayInOrder()
    {
        var keys = new List<string>();
        var after = TestZones.Local(Berlin, 2026, 11, 23, 0, 0);
        for (var i = 0; i < DefaultDay.Length; i++)
        {
            var next = NextSlotCalculator.NextAfter(Default, Zone, after);
            Assert.NotNull(next);
            keys.Add(next.Key);
            after = next.DueAt;
        }

        Assert.Equal(DefaultDay.Select(s => "2026-11-23T" + s), keys);
    }

    [Fact]
    public void NextAfter_InvalidSchedule_Throws()
    {
        var schedule = Default with { DayStart = new TimeOnly(22, 0), DayEnd = new TimeOnly(6, 0) };

        Assert.Throws<ArgumentException>(() => NextSlotCalculator.NextAfter(schedule, Zone, TestZones.Utc(2026, 11, 23, 8, 0)));
    }

    private static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
