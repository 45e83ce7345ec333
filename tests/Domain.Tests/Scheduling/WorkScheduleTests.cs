using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

public sealed class WorkScheduleTests
{
    [Fact]
    public void Default_AnyZone_HasTheArticleWorkday()
    {
        var schedule = WorkSchedule.Default("Europe/Berlin");

        Assert.Equal("Europe/Berlin", schedule.TimeZoneId);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            schedule.WorkDays.Order());
        Assert.Equal(new TimeOnly(9, 0), schedule.DayStart);
        Assert.Equal(new TimeOnly(17, 30), schedule.DayEnd);
        Assert.Equal(new TimeOnly(12, 30), schedule.LunchStart);
        Assert.Equal(TimeSpan.FromMinutes(45), schedule.LunchDuration);
        Assert.Equal(new TimeOnly(13, 15), schedule.LunchEnd);
        Assert.Empty(schedule.Meetings);
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.PreMeetingLead);
        Assert.Equal(TimeSpan.FromMinutes(10), schedule.EndOfDayLead);
        Assert.Equal(new TimeOnly(17, 20), schedule.EndOfDayAt);
        Assert.Equal(Enum.GetValues<RoutineKind>(), schedule.EnabledRoutines.Order());
        Assert.Equal(TimeSpan.FromMinutes(30), schedule.Cadence);
        Assert.Null(schedule.PausedUntil);
    }

    [Fact]
    public void Validate_DefaultSchedule_HasNoProblems()
    {
        Assert.Empty(WorkSchedule.Default("Europe/Berlin").Validate());
    }

    [Fact]
    public void Validate_UnknownZoneId_IsNotChecked()
    {
        Assert.Empty(WorkSchedule.Default("Mars/Olympus_Mons").Validate());
    }

    [Theory]
    [InlineData("zone", "time zone")]
    [InlineData("no work days", "work day")]
    [InlineData("night shift", "night shifts")]
    [InlineData("empty day", "must end after it starts")]
    [InlineData("lunch before day", "lunch break")]
    [InlineData("lunch after day", "lunch break")]
    [InlineData("lunch past midnight", "lunch break")]
    [InlineData("no lunch", "at least a minute")]
    [InlineData("cadence 14", "cadence")]
    [InlineData("cadence 121", "cadence")]
    [InlineData("negative meeting lead", "pre-meeting lead")]
    [InlineData("long meeting lead", "pre-meeting lead")]
    [InlineData("negative end lead", "end-of-day lead")]
    [InlineData("end lead longer than day", "end-of-day lead")]
    [InlineData("seconds", "whole number of minutes")]
    [InlineData("meeting without days", "has no days")]
    public void Validate_BrokenRule_ReportsOneReadableProblem(string broken, string expectedFragment)
    {
        var schedule = Broken(broken);

        var problem = Assert.Single(schedule.Validate());
        Assert.Contains(expectedFragment, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("zone", ScheduleField.TimeZone)]
    [InlineData("no work days", ScheduleField.WorkDays)]
    [InlineData("night shift", ScheduleField.DayEnd)]
    [InlineData("empty day", ScheduleField.DayEnd)]
    [InlineData("lunch before day", ScheduleField.LunchStart)]
    [InlineData("lunch past midnight", ScheduleField.LunchStart)]
    [InlineData("no lunch", ScheduleField.LunchDuration)]
    [InlineData("cadence 121", ScheduleField.Cadence)]
    [InlineData("long meeting lead", ScheduleField.PreMeetingLead)]
    [InlineData("end lead longer than day", ScheduleField.EndOfDayLead)]
    [InlineData("seconds", ScheduleField.DayStart)]
    [InlineData("meeting without days", ScheduleField.Meetings)]
    public void Problems_BrokenRule_NamesTheFieldToFix_WithTheSameMessageAsValidate(string broken, ScheduleField field)
    {
        var schedule = Broken(broken);

        var problem = Assert.Single(schedule.Problems());
        Assert.Equal(field, problem.Field);
        Assert.Equal(Assert.Single(schedule.Validate()), problem.Message);
    }

    [Fact]
    public void Validate_NightShift_ExplainsItIsNotSupported()
    {
        var schedule = WorkSchedule.Default("Europe/Berlin") with
        {
            DayStart = new TimeOnly(22, 0),
            DayEnd = new TimeOnly(6, 0),
            LunchStart = new TimeOnly(23, 0),
        };

        var problems = schedule.Validate();

        Assert.Contains(problems, p => p.Contains("06:00", StringComparison.Ordinal)
            && p.Contains("22:00", StringComparison.Ordinal)
            && p.Contains("not supported", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(120)]
    public void Validate_CadenceAtBounds_IsAccepted(int minutes)
    {
        var schedule = WorkSchedule.Default("UTC") with { Cadence = TimeSpan.FromMinutes(minutes) };

        Assert.Empty(schedule.Validate());
    }

    [Fact]
    public void Validate_SeveralRulesBroken_ReportsEach()
    {
        var schedule = WorkSchedule.Default("UTC") with
        {
            WorkDays = new HashSet<DayOfWeek>(),
            Cadence = TimeSpan.FromMinutes(5),
            LunchStart = new TimeOnly(7, 0),
        };

        Assert.Equal(3, schedule.Validate().Count);
    }

    [Fact]
    public void Validate_LunchEndingExactlyAtDayEnd_IsAccepted()
    {
        var schedule = WorkSchedule.Default("UTC") with { LunchStart = new TimeOnly(16, 45) };

        Assert.Empty(schedule.Validate());
    }

    private static WorkSchedule Broken(string rule)
    {
        var valid = WorkSchedule.Default("Europe/Berlin");
        return rule switch
        {
            "zone" => valid with { TimeZoneId = " " },
            "no work days" => valid with { WorkDays = new HashSet<DayOfWeek>() },
            "night shift" => valid with { DayStart = new TimeOnly(22, 0), DayEnd = new TimeOnly(6, 0) },
            "empty day" => valid with { DayStart = new TimeOnly(9, 0), DayEnd = new TimeOnly(9, 0) },
            "lunch before day" => valid with { LunchStart = new TimeOnly(8, 30) },
            "lunch after day" => valid with { LunchStart = new TimeOnly(17, 0) },
            "lunch past midnight" => valid with
            {
                DayEnd = new TimeOnly(23, 59),
                LunchStart = new TimeOnly(23, 30),
            },
            "no lunch" => valid with { LunchDuration = TimeSpan.Zero },
            "cadence 14" => valid with { Cadence = TimeSpan.FromMinutes(14) },
            "cadence 121" => valid with { Cadence = TimeSpan.FromMinutes(121) },
            "negative meeting lead" => valid with { PreMeetingLead = TimeSpan.FromMinutes(-1) },
            "long meeting lead" => valid with { PreMeetingLead = TimeSpan.FromMinutes(61) },
            "negative end lead" => valid with { EndOfDayLead = TimeSpan.FromMinutes(-1) },
            "end lead longer than day" => valid with { EndOfDayLead = TimeSpan.FromHours(8.5) },
            "seconds" => valid with { DayStart = new TimeOnly(9, 0, 30) },
            "meeting without days" => valid with { Meetings = [new RecurringMeeting(new TimeOnly(10, 0), new HashSet<DayOfWeek>())] },
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }
}
