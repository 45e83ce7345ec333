using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>The weekly summary is due at the end of the last work day of each ISO week, in the person's zone.</summary>
public sealed class WeeklySummarySlotTests
{
    private static readonly WorkSchedule Berlin = WorkSchedule.Default("Europe/Berlin");

    private static SummaryOccurrence Next(WorkSchedule schedule, DateTimeOffset after) =>
        WeeklySummarySlot.NextAfter(schedule, TestZones.Get(schedule.TimeZoneId), after)
        ?? throw new InvalidOperationException("no summary");

    [Fact]
    public void NextAfter_MidWeek_IsFridayAtDayEnd()
    {
        // Wednesday 25 Nov 2026, 10:00 Berlin (UTC+1).
        var next = Next(Berlin, TestZones.Local("Europe/Berlin", 2026, 11, 25, 10, 0));

        Assert.Equal("2026-W48/weekly-summary", next.Key);
        Assert.Equal(new DateOnly(2026, 11, 23), next.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 29), next.LastDay);
        Assert.Equal(new DateOnly(2026, 11, 27), next.LocalDate);
        Assert.Equal(new TimeOnly(17, 30), next.LocalTime);
        Assert.Equal(TestZones.Utc(2026, 11, 27, 16, 30), next.DueAt);
        Assert.Equal(TimeSpan.Zero, next.DueAt.Offset);
    }

    [Fact]
    public void NextAfter_IsStrictlyAfter_SoTheDueInstantGivesNextWeek()
    {
        var friday = TestZones.Utc(2026, 11, 27, 16, 30);

        Assert.Equal(friday, Next(Berlin, friday.AddTicks(-1)).DueAt);
        var next = Next(Berlin, friday);
        Assert.Equal("2026-W49/weekly-summary", next.Key);
        Assert.Equal(TestZones.Utc(2026, 12, 4, 16, 30), next.DueAt);
    }

    [Fact]
    public void NextAfter_WeekEndingOnThursday_IsThursdayAtItsOwnDayEnd()
    {
        var fourDays = Berlin with
        {
            WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
            DayStart = new TimeOnly(7, 0),
            DayEnd = new TimeOnly(16, 0),
        };

        var next = Next(fourDays, TestZones.Local("Europe/Berlin", 2026, 11, 23, 8, 0));

        Assert.Equal(new DateOnly(2026, 11, 26), next.LocalDate);
        Assert.Equal(DayOfWeek.Thursday, next.LocalDate.DayOfWeek);
        Assert.Equal(TestZones.Utc(2026, 11, 26, 15, 0), next.DueAt);
        Assert.Equal("2026-W48/weekly-summary", next.Key);
    }

    [Fact]
    public void NextAfter_WeekendWorker_IsSundayTheLastDayOfTheIsoWeek()
    {
        var weekend = Berlin with { WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday } };

        var next = Next(weekend, TestZones.Local("Europe/Berlin", 2026, 11, 28, 18, 0));

        Assert.Equal(new DateOnly(2026, 11, 29), next.LocalDate);
        Assert.Equal("2026-W48/weekly-summary", next.Key);
    }

    [Fact]
    public void NextAfter_IsoWeekAcrossTheNewYear_TakesTheIsoYear()
    {
        // Monday 28 Dec 2026 starts ISO week 2026-W53; its Friday is 1 Jan 2027.
        var next = Next(Berlin, TestZones.Local("Europe/Berlin", 2026, 12, 29, 9, 0));

        Assert.Equal(new DateOnly(2027, 1, 1), next.LocalDate);
        Assert.Equal("2026-W53/weekly-summary", next.Key);
    }

    [Fact]
    public void NextAfter_AcrossTheAutumnChange_FollowsTheWallClock()
    {
        // Berlin leaves summer time on Sunday 25 Oct 2026: Friday 23 Oct is UTC+2, Friday 30 Oct UTC+1.
        var before = Next(Berlin, TestZones.Local("Europe/Berlin", 2026, 10, 21, 9, 0));
        var after = Next(Berlin, before.DueAt);

        Assert.Equal(TestZones.Utc(2026, 10, 23, 15, 30), before.DueAt);
        Assert.Equal("2026-W43/weekly-summary", before.Key);
        Assert.Equal(TestZones.Utc(2026, 10, 30, 16, 30), after.DueAt);
        Assert.Equal("2026-W44/weekly-summary", after.Key);
    }

    [Fact]
    public void NextAfter_DayEndInASpringGap_IsDueWhenTheGapEnds_AndKeepsItsWeek()
    {
        // Nuuk jumps from Saturday 28 Mar 2026 23:00 (UTC−2) to Sunday 00:00 (UTC−1): 23:30 never happens.
        var evenings = WorkSchedule.Default("America/Nuuk") with
        {
            WorkDays = new HashSet<DayOfWeek>
            {
                DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday,
            },
            DayStart = new TimeOnly(18, 0),
            DayEnd = new TimeOnly(23, 30),
            LunchStart = new TimeOnly(20, 0),
            LunchDuration = TimeSpan.FromMinutes(30),
        };

        var next = Next(evenings, TestZones.Utc(2026, 3, 28, 12, 0));

        Assert.Equal(new DateOnly(2026, 3, 28), next.LocalDate);
        Assert.Equal(new TimeOnly(23, 30), next.LocalTime);
        Assert.Equal(TestZones.Utc(2026, 3, 29, 1, 0), next.DueAt);
        Assert.Equal("2026-W13/weekly-summary", next.Key);
        // Once it is due, the next one is a week later, not the same week again.
        Assert.Equal("2026-W14/weekly-summary", Next(evenings, next.DueAt).Key);
    }

    [Fact]
    public void NextAfter_DayEndInAnAutumnRepeat_CountsItsFirstOccurrence()
    {
        // Nuuk goes back from Saturday 24 Oct 2026 23:00 (UTC−1) to 22:00 (UTC−2): 22:30 happens twice.
        var evenings = WorkSchedule.Default("America/Nuuk") with
        {
            WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Saturday },
            DayStart = new TimeOnly(18, 0),
            DayEnd = new TimeOnly(22, 30),
            LunchStart = new TimeOnly(20, 0),
            LunchDuration = TimeSpan.FromMinutes(30),
        };

        var next = Next(evenings, TestZones.Utc(2026, 10, 24, 12, 0));

        Assert.Equal(TestZones.Utc(2026, 10, 24, 23, 30), next.DueAt);
        Assert.Equal("2026-W43/weekly-summary", next.Key);
        // The repeated 22:30 an hour later (00:30 UTC) is not a second summary: next is a week later.
        var following = Next(evenings, next.DueAt.AddHours(1));
        Assert.Equal("2026-W44/weekly-summary", following.Key);
        Assert.Equal(TestZones.Utc(2026, 11, 1, 0, 30), following.DueAt);
    }

    [Fact]
    public void NextAfter_NoWorkDays_IsNull()
    {
        var none = Berlin with { WorkDays = new HashSet<DayOfWeek>() };

        Assert.Null(WeeklySummarySlot.NextAfter(none, TestZones.Get("Europe/Berlin"), TestZones.Utc(2026, 11, 25, 9, 0)));
    }

    [Theory]
    [InlineData("2026-W48/weekly-summary", "2026-11-23")]
    [InlineData("2026-W53/weekly-summary", "2026-12-28")]
    [InlineData("2027-W01/weekly-summary", "2027-01-04")]
    public void TryParseWeek_ReadsTheKeyBack(string key, string monday)
    {
        Assert.True(SummaryOccurrence.TryParseWeek(key, out var firstDay));
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), firstDay);
        Assert.Equal(key, SummaryOccurrence.KeyOf(firstDay));
    }

    [Theory]
    [InlineData("2026-11-27T17:20/end-of-day")]
    [InlineData("2025-W53/weekly-summary")]
    [InlineData("2026-W00/weekly-summary")]
    [InlineData("2026-W48/weekly-summaryX")]
    [InlineData("")]
    public void TryParseWeek_RejectsOtherKeys(string key) =>
        Assert.False(SummaryOccurrence.TryParseWeek(key, out _));
}
