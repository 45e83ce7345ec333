using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>Time zones and daylight-saving changes, for <see cref="NextSlotCalculator"/>.</summary>
public sealed class NextSlotCalculatorZoneTests
{
    private static readonly IReadOnlySet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    /// <summary>An early-hours day on every day of the week, so slots land on the transitions.</summary>
    private static WorkSchedule NightOwl(string zoneId, string start, string end, string lunch, int lunchMinutes) =>
        WorkSchedule.Default(zoneId) with
        {
            WorkDays = EveryDay,
            DayStart = TestZones.Time(start),
            DayEnd = TestZones.Time(end),
            LunchStart = TestZones.Time(lunch),
            LunchDuration = TimeSpan.FromMinutes(lunchMinutes),
        };

    private static IReadOnlyList<SlotOccurrence> Slots(WorkSchedule schedule, DateOnly date) =>
        NextSlotCalculator.SlotsOn(schedule, TestZones.Get(schedule.TimeZoneId), date);

    private static string[] KeysAndUtc(IEnumerable<SlotOccurrence> slots) =>
        [.. slots.Select(slot => $"{slot.Key[11..]}@{slot.DueAt.UtcDateTime:HH:mm}")];

    // ---- Plain workdays across the change: the wall clock is followed ----

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-27", "2026-03-30", "08:00", "07:00")]
    [InlineData("Europe/Berlin", "2026-10-23", "2026-10-26", "07:00", "08:00")]
    [InlineData("America/New_York", "2026-03-06", "2026-03-09", "14:00", "13:00")]
    [InlineData("America/New_York", "2026-10-30", "2026-11-02", "13:00", "14:00")]
    [InlineData("Australia/Lord_Howe", "2026-10-02", "2026-10-05", "22:30", "22:00")]
    [InlineData("Australia/Lord_Howe", "2026-04-03", "2026-04-06", "22:00", "22:30")]
    [InlineData("America/St_Johns", "2026-03-06", "2026-03-09", "12:30", "11:30")]
    [InlineData("Pacific/Chatham", "2026-09-25", "2026-09-28", "20:15", "19:15")]
    public void NextAfter_FridayBeforeClockChange_MondayStartFollowsWallClock(
        string zoneId, string friday, string monday, string fridayStartUtc, string mondayStartUtc)
    {
        var schedule = WorkSchedule.Default(zoneId);
        var zone = TestZones.Get(zoneId);
        var fridaySlots = NextSlotCalculator.SlotsOn(schedule, zone, DateOnly.Parse(friday, System.Globalization.CultureInfo.InvariantCulture));

        var next = NextSlotCalculator.NextAfter(schedule, zone, fridaySlots[^1].DueAt);

        Assert.Equal(fridayStartUtc, fridaySlots[0].DueAt.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(next);
        Assert.Equal($"{monday}T09:00/start-of-day", next.Key);
        Assert.Equal(mondayStartUtc, next.DueAt.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeOnly.Parse("09:00", System.Globalization.CultureInfo.InvariantCulture), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next.DueAt, zone).DateTime));
    }

    [Fact]
    public void SlotsOn_Kathmandu_IsFifteenMinutesOffTheHourInUtc()
    {
        var slots = Slots(WorkSchedule.Default("Asia/Kathmandu"), new DateOnly(2026, 11, 23));

        Assert.Equal(TestZones.Utc(2026, 11, 23, 3, 15), slots[0].DueAt);
        Assert.All(slots, slot => Assert.Equal(
            new DateTimeOffset(slot.LocalDate.ToDateTime(slot.LocalTime), new TimeSpan(5, 45, 0)),
            slot.DueAt));
        Assert.Equal(17, slots.Count);
    }

    [Fact]
    public void NextAfter_KathmanduAtExactSlot_IsTheFollowingSlot()
    {
        var zone = TestZones.Get("Asia/Kathmandu");

        var next = NextSlotCalculator.NextAfter(WorkSchedule.Default("Asia/Kathmandu"), zone, TestZones.Utc(2026, 11, 23, 3, 15));

        Assert.Equal("2026-11-23T09:30/every-30-minutes", next?.Key);
        Assert.Equal(TestZones.Utc(2026, 11, 23, 3, 45), next?.DueAt);
    }

    // ---- Spring forward: slots in the gap are due at the first instant after it ----

    [Fact]
    public void SlotsOn_BerlinSpringForward_GapSlotsCollapseOntoTheTransition()
    {
        var schedule = NightOwl("Europe/Berlin", "01:00", "06:00", "04:00", 30);

        var slots = Slots(schedule, new DateOnly(2026, 3, 29));

        // 02:00 and 02:30 do not exist; they and the real 03:00 all fall at 01:00 UTC: one slot, the real 03:00.
        Assert.Equal(
            [
                "01:00/start-of-day@00:00", "01:30/every-30-minutes@00:30", "03:00/every-30-minutes@01:00",
                "03:30/every-30-minutes@01:30", "04:30/after-lunch@02:30", "05:00/every-30-minutes@03:00",
                "05:30/every-30-minutes@03:30", "05:50/end-of-day@03:50",
            ],
            KeysAndUtc(slots));
    }

    [Fact]
    public void SlotsOn_BerlinSpringForwardPreMeetingInGap_KeepsItsScheduledTimeAndKey()
    {
        var schedule = NightOwl("Europe/Berlin", "01:00", "06:00", "04:00", 30) with
        {
            Meetings = [new RecurringMeeting(new TimeOnly(2, 35))],
        };

        var slots = Slots(schedule, new DateOnly(2026, 3, 29));

        var preMeeting = Assert.Single(slots, slot => slot.Routine == RoutineKind.PreMeeting);
        Assert.Equal(new TimeOnly(2, 30), preMeeting.LocalTime);
        Assert.Equal("2026-03-29T02:30/pre-meeting", preMeeting.Key);
        Assert.Equal(TestZones.Utc(2026, 3, 29, 1, 0), preMeeting.DueAt);
        Assert.DoesNotContain(slots, slot => slot.DueAt == preMeeting.DueAt && slot != preMeeting);
    }

    [Fact]
    public void SlotsOn_NewYorkSpringForward_StartInGapIsDueAtThreeOClock()
    {
        var schedule = NightOwl("America/New_York", "02:30", "08:00", "05:00", 30);

        var slots = Slots(schedule, new DateOnly(2026, 3, 8));

        Assert.Equal("02:30/start-of-day@07:00", KeysAndUtc(slots)[0]);
        Assert.Equal("03:30/every-30-minutes@07:30", KeysAndUtc(slots)[1]); // 03:00 collapsed into the start set
    }

    [Fact]
    public void SlotsOn_LordHoweHalfHourSpringForward_GapSlotsDueAtHalfPastTwo()
    {
        var schedule = NightOwl("Australia/Lord_Howe", "01:30", "06:00", "04:00", 30) with { Cadence = TimeSpan.FromMinutes(15) };

        var slots = Slots(schedule, new DateOnly(2026, 10, 4));

        // Gap 02:00 → 02:30 (+10:30 → +11:00). 02:00 and 02:15 collapse with the real 02:30 at 15:30 UTC.
        Assert.Equal(
            ["01:30/start-of-day@15:00", "01:45/every-30-minutes@15:15", "02:30/every-30-minutes@15:30", "02:45/every-30-minutes@15:45"],
            KeysAndUtc(slots)[..4]);
    }

    [Fact]
    public void SlotsOn_ChathamSpringForward_GapIsAtQuarterToThree()
    {
        var schedule = NightOwl("Pacific/Chatham", "02:15", "06:00", "05:00", 30);

        var slots = Slots(schedule, new DateOnly(2026, 9, 27));

        // 02:45 → 03:45 (+12:45 → +13:45): 02:45 and 03:15 do not exist and collapse with the real 03:45 at 14:00 UTC.
        Assert.Equal(
            ["02:15/start-of-day@13:30", "03:45/every-30-minutes@14:00", "04:15/every-30-minutes@14:30"],
            KeysAndUtc(slots)[..3]);
    }

    // ---- Fall back: an ambiguous wall time is due once, at its first occurrence ----

    [Fact]
    public void SlotsOn_BerlinFallBack_AmbiguousSlotsAtFirstOccurrence()
    {
        var schedule = NightOwl("Europe/Berlin", "01:00", "06:00", "04:00", 30);

        var slots = Slots(schedule, new DateOnly(2026, 10, 25));

        Assert.Equal(
            [
                "01:00/start-of-day@23:00", "01:30/every-30-minutes@23:30", "02:00/every-30-minutes@00:00",
                "02:30/every-30-minutes@00:30", "03:00/every-30-minutes@02:00", "03:30/every-30-minutes@02:30",
                "04:30/after-lunch@03:30", "05:00/every-30-minutes@04:00", "05:30/every-30-minutes@04:30",
                "05:50/end-of-day@04:50",
            ],
            KeysAndUtc(slots));
    }

    [Fact]
    public void NextAfter_BerlinFallBackDuringRepeatedHour_DoesNotRepeatTheSlot()
    {
        var schedule = NightOwl("Europe/Berlin", "01:00", "06:00", "04:00", 30);
        var zone = TestZones.Get("Europe/Berlin");

        // 01:45 UTC is 02:45 local for the second time; 02:30 local already happened at 00:30 UTC.
        var next = NextSlotCalculator.NextAfter(schedule, zone, TestZones.Utc(2026, 10, 25, 0, 30));
        var afterRepeat = NextSlotCalculator.NextAfter(schedule, zone, TestZones.Utc(2026, 10, 25, 1, 45));

        Assert.Equal("2026-10-25T03:00/every-30-minutes", next?.Key);
        Assert.Equal(TestZones.Utc(2026, 10, 25, 2, 0), next?.DueAt);
        Assert.Equal(next, afterRepeat);
    }

    [Fact]
    public void NextAfter_NewYorkFallBack_WalkNeverRepeatsAKey()
    {
        var schedule = NightOwl("America/New_York", "00:30", "04:00", "02:30", 15) with { Cadence = TimeSpan.FromMinutes(15) };
        var zone = TestZones.Get("America/New_York");

        var keys = new List<string>();
        var after = TestZones.Utc(2026, 11, 1, 4, 0); // 00:00 EDT
        for (var next = NextSlotCalculator.NextAfter(schedule, zone, after);
             next is not null && next.LocalDate == new DateOnly(2026, 11, 1) && keys.Count < 100;
             next = NextSlotCalculator.NextAfter(schedule, zone, next.DueAt))
        {
            keys.Add(next.Key[11..]);
        }

        Assert.Equal(keys.Distinct(), keys);
        Assert.Contains("01:30/every-30-minutes", keys);
        Assert.Equal(
            NextSlotCalculator.SlotsOn(schedule, zone, new DateOnly(2026, 11, 1)).Select(s => s.Key[11..]),
            keys);
    }

    [Fact]
    public void SlotsOn_LordHoweHalfHourFallBack_AmbiguousHalfHourAtFirstOccurrence()
    {
        var schedule = NightOwl("Australia/Lord_Howe", "01:00", "06:00", "04:00", 30) with { Cadence = TimeSpan.FromMinutes(15) };

        var slots = Slots(schedule, new DateOnly(2026, 4, 5));

        // 01:30–02:00 happens twice (+11:00, then +10:30); first occurrence is 14:30–15:00 UTC.
        Assert.Equal(
            [
                "01:00/start-of-day@14:00", "01:15/every-30-minutes@14:15", "01:30/every-30-minutes@14:30",
                "01:45/every-30-minutes@14:45", "02:00/every-30-minutes@15:30",
            ],
            KeysAndUtc(slots)[..5]);
    }

    // ---- Zones whose clocks change at midnight ----

    [Theory]
    [InlineData("America/Santiago", "2026-09-06")]
    [InlineData("Asia/Beirut", "2026-03-29")]
    public void Tzdata_MidnightZone_HasNoMidnightOnItsSpringForwardDay(string zoneId, string date)
    {
        var midnight = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);

        Assert.True(TestZones.Get(zoneId).IsInvalidTime(midnight));
        Assert.False(TestZones.Get(zoneId).IsInvalidTime(midnight.AddHours(1)));
    }

    [Theory]
    [InlineData("America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z", "2026-09-06T04:30:00Z")]
    [InlineData("Asia/Beirut", "2026-03-29", "2026-03-28T22:00:00Z", "2026-03-28T22:30:00Z")]
    public void SlotsOn_MidnightSpringForward_StartOfDayDueWhenTheDayReallyBegins(string zoneId, string date, string startUtc, string secondUtc)
    {
        var schedule = NightOwl(zoneId, "00:00", "08:00", "04:00", 30);
        var localDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var slots = Slots(schedule, localDate);

        // 00:00 and 00:30 do not exist and 01:00 is the first real minute: all three fall at the transition,
        // where the start-of-day set wins; 01:30 is next.
        Assert.Equal($"{date}T00:00/start-of-day", slots[0].Key);
        Assert.Equal(DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture), slots[0].DueAt);
        Assert.Equal($"{date}T01:30/every-30-minutes", slots[1].Key);
        Assert.Equal(DateTimeOffset.Parse(secondUtc, System.Globalization.CultureInfo.InvariantCulture), slots[1].DueAt);
    }

    [Fact]
    public void NextAfter_SantiagoLateEveningBeforeMidnightChange_FindsNextDayStart()
    {
        var schedule = NightOwl("America/Santiago", "00:00", "08:00", "04:00", 30);
        var zone = TestZones.Get("America/Santiago");

        var next = NextSlotCalculator.NextAfter(schedule, zone, TestZones.Local("America/Santiago", 2026, 9, 5, 23, 59));

        Assert.Equal("2026-09-06T00:00/start-of-day", next?.Key);
        Assert.Equal(TestZones.Utc(2026, 9, 6, 4, 0), next?.DueAt);
    }

    [Fact]
    public void SlotsOn_SantiagoFallBackAtMidnight_EndOfDayAtFirstOccurrence()
    {
        // Saturday 2026-04-04: 24:00 −03 becomes 23:00 −04, so 23:00–23:59 happens twice.
        var schedule = NightOwl("America/Santiago", "16:00", "23:59", "18:00", 30) with { EndOfDayLead = TimeSpan.FromMinutes(29) };

        var slots = Slots(schedule, new DateOnly(2026, 4, 4));

        Assert.Equal("23:30/end-of-day@02:30", KeysAndUtc(slots)[^1]);
        Assert.Equal("23:00/every-30-minutes@02:00", KeysAndUtc(slots)[^2]);
    }

    [Fact]
    public void NextAfter_NuukGapAcrossMidnight_LateSlotIsDueAtMidnightWithItsOwnDate()
    {
        // Saturday 2026-03-28: 23:00 −02 jumps to Sunday 00:00 −01.
        var schedule = NightOwl("America/Nuuk", "16:00", "23:59", "18:00", 30) with { EndOfDayLead = TimeSpan.FromMinutes(29) };
        var zone = TestZones.Get("America/Nuuk");

        var next = NextSlotCalculator.NextAfter(schedule, zone, TestZones.Local("America/Nuuk", 2026, 3, 28, 22, 45));

        Assert.NotNull(next);
        Assert.Equal("2026-03-28T23:30/end-of-day", next.Key); // 23:00 collapsed into it
        Assert.Equal(TestZones.Utc(2026, 3, 29, 1, 0), next.DueAt);
        Assert.Equal(new DateTime(2026, 3, 29, 0, 0, 0), TimeZoneInfo.ConvertTime(next.DueAt, zone).DateTime);
    }
}
