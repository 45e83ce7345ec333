using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Tests.Conversation;

/// <summary>The settings form every platform shares: raw fields in, a schedule or one reason per field out.</summary>
public sealed class ScheduleFormTests
{
    private static readonly TimeZones Zones = new();

    /// <summary>Someone with a meeting and a pause, so the form is seen to leave what it does not show alone.</summary>
    private static readonly WorkSchedule Current = WorkSchedule.Default("Europe/Berlin") with
    {
        Meetings = [new RecurringMeeting(new TimeOnly(10, 0))],
        PausedUntil = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
    };

    /// <summary>A complete, valid form as Teams sends it: every input, toggles "true"/"false".</summary>
    private static Dictionary<string, string> ValidForm() => new(StringComparer.Ordinal)
    {
        [ScheduleForm.Days] = "Monday,Tuesday,Thursday",
        [ScheduleForm.Start] = "08:00",
        [ScheduleForm.End] = "16:30",
        [ScheduleForm.Lunch] = "12:00",
        [ScheduleForm.LunchMinutes] = "30",
        [ScheduleForm.Zone] = "America/New_York",
        [ScheduleForm.Cadence] = "45",
        [ScheduleForm.RoutineField(RoutineKind.StartOfDay)] = "true",
        [ScheduleForm.RoutineField(RoutineKind.Every30Minutes)] = "true",
        [ScheduleForm.RoutineField(RoutineKind.PreMeeting)] = "false",
        [ScheduleForm.RoutineField(RoutineKind.AfterLunch)] = "false",
        [ScheduleForm.RoutineField(RoutineKind.EndOfDay)] = "true",
    };

    private static ScheduleFormResult Read(Action<Dictionary<string, string>> edit)
    {
        var form = ValidForm();
        edit(form);
        return ScheduleForm.Read(form, Current, Zones);
    }

    [Fact]
    public void Meetings_AreReadAsTimesWithOptionalDays_AndShownBackTheSameWay()
    {
        var result = Read(form =>
        {
            form[ScheduleForm.Meetings] = " 14:00 mon wednesday; 9:30 ";
            form[ScheduleForm.MeetingLead] = "10";
        });

        Assert.Empty(result.Errors);
        var schedule = Assert.IsType<WorkSchedule>(result.Schedule);
        Assert.Equal(2, schedule.Meetings.Count);
        Assert.Equal(new TimeOnly(14, 0), schedule.Meetings[0].Start);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], schedule.Meetings[0].Days!.Order());
        Assert.Equal(new RecurringMeeting(new TimeOnly(9, 30)), schedule.Meetings[1]);
        Assert.Equal(TimeSpan.FromMinutes(10), schedule.PreMeetingLead);
        Assert.Equal("09:30, 14:00 Mon Wed", MicroMove.Domain.Messages.ScheduleFormValues.From(schedule).Meetings);
    }

    [Fact]
    public void EmptyMeetings_ClearThem_WhileAFormWithoutTheInputKeepsThem()
    {
        var cleared = Read(form => form[ScheduleForm.Meetings] = "  ");
        var kept = Read(_ => { });

        Assert.Empty(Assert.IsType<WorkSchedule>(cleared.Schedule).Meetings);
        Assert.Equal(Current.Meetings, Assert.IsType<WorkSchedule>(kept.Schedule).Meetings);
        Assert.Equal("10:00", kept.Entered.Meetings);
    }

    [Theory]
    [InlineData("2pm Mon", "“2pm” is not a time")]
    [InlineData("14:00 Funday", "“Funday” is not a day of the week")]
    [InlineData("07:00", "meeting at 07:00")]
    public void BadMeetings_AreRefusedUnderTheirField_KeepingWhatWasTyped(string typed, string expected)
    {
        var result = Read(form => form[ScheduleForm.Meetings] = typed);

        Assert.Null(result.Schedule);
        Assert.Contains(expected, result.Errors[ScheduleField.Meetings], StringComparison.Ordinal);
        Assert.Equal(typed, result.Entered.Meetings);
    }

    [Fact]
    public void MeetingLeadOutOfRange_IsRefused()
    {
        var result = Read(form => form[ScheduleForm.MeetingLead] = "90");

        Assert.Null(result.Schedule);
        Assert.True(result.Errors.ContainsKey(ScheduleField.PreMeetingLead));
    }

    [Fact]
    public void ValidForm_GivesTheScheduleItDescribes_KeepingWhatTheFormDoesNotShow()
    {
        var result = ScheduleForm.Read(ValidForm(), Current, Zones);

        Assert.Empty(result.Errors);
        var schedule = Assert.IsType<WorkSchedule>(result.Schedule);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday], schedule.WorkDays.Order());
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 30), new TimeOnly(12, 0)), (schedule.DayStart, schedule.DayEnd, schedule.LunchStart));
        Assert.Equal(TimeSpan.FromMinutes(30), schedule.LunchDuration);
        Assert.Equal("America/New_York", schedule.TimeZoneId);
        Assert.Equal(TimeSpan.FromMinutes(45), schedule.Cadence);
        Assert.Equal([RoutineKind.StartOfDay, RoutineKind.Every30Minutes, RoutineKind.EndOfDay], schedule.EnabledRoutines.Order());
        Assert.Equal(Current.Meetings, schedule.Meetings);
        Assert.Equal(Current.PausedUntil, schedule.PausedUntil);
        Assert.Equal(Current.EndOfDayLead, schedule.EndOfDayLead);
    }

    [Theory]
    [InlineData(ScheduleForm.Start, "25:00", ScheduleField.DayStart, "not a time")]
    [InlineData(ScheduleForm.Start, "", ScheduleField.DayStart, "Please pick a time")]
    [InlineData(ScheduleForm.End, "07:00", ScheduleField.DayEnd, "before it starts")]
    [InlineData(ScheduleForm.End, "08:00", ScheduleField.DayEnd, "must end after it starts")]
    [InlineData(ScheduleForm.Lunch, "17:00", ScheduleField.LunchStart, "within the day")]
    [InlineData(ScheduleForm.Lunch, "noon", ScheduleField.LunchStart, "not a time")]
    [InlineData(ScheduleForm.LunchMinutes, "0", ScheduleField.LunchDuration, "at least a minute")]
    [InlineData(ScheduleForm.LunchMinutes, "half an hour", ScheduleField.LunchDuration, "whole number of minutes")]
    [InlineData(ScheduleForm.Zone, "Mars/Olympus_Mons", ScheduleField.TimeZone, "not a time zone I know")]
    [InlineData(ScheduleForm.Zone, "", ScheduleField.TimeZone, "time zone is needed")]
    [InlineData(ScheduleForm.Days, "", ScheduleField.WorkDays, "At least one work day")]
    [InlineData(ScheduleForm.Days, "Monday,Funday", ScheduleField.WorkDays, "not a day of the week")]
    [InlineData(ScheduleForm.Cadence, "10", ScheduleField.Cadence, "between 15 and 120")]
    [InlineData(ScheduleForm.Cadence, "121", ScheduleField.Cadence, "between 15 and 120")]
    [InlineData(ScheduleForm.Cadence, "30.5", ScheduleField.Cadence, "whole number of minutes")]
    public void OneBadField_IsTheOnlyError_AndNothingIsSaved(string input, string entry, ScheduleField field, string reason)
    {
        var result = Read(form => form[input] = entry);

        Assert.Null(result.Schedule);
        var (errorField, message) = Assert.Single(result.Errors);
        Assert.Equal(field, errorField);
        Assert.Contains(reason, message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(ScheduleForm.Start)]
    [InlineData(ScheduleForm.End)]
    [InlineData(ScheduleForm.Lunch)]
    [InlineData(ScheduleForm.Zone)]
    [InlineData(ScheduleForm.Days)]
    public void AMissingRequiredField_IsAnError(string input)
    {
        var result = Read(form => form.Remove(input));

        Assert.Null(result.Schedule);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void SeveralBadFields_AreAllReported_AndWhatWasEnteredIsKeptForTheFormAgain()
    {
        var result = Read(form =>
        {
            form[ScheduleForm.Start] = "17:00";
            form[ScheduleForm.End] = "09:00";
            form[ScheduleForm.Zone] = "Mars/Olympus_Mons";
            form[ScheduleForm.Days] = string.Empty;
        });

        Assert.Null(result.Schedule);
        Assert.Equal([ScheduleField.TimeZone, ScheduleField.WorkDays, ScheduleField.DayEnd], result.Errors.Keys.Order());
        Assert.Equal(("17:00", "09:00", "Mars/Olympus_Mons"), (result.Entered.DayStart, result.Entered.DayEnd, result.Entered.TimeZoneId));
        Assert.Empty(result.Entered.WorkDays);
        Assert.Equal("45", result.Entered.CadenceMinutes);
    }

    [Fact]
    public void AnUnreadableTime_IsReportedOnce_NotAgainAsAnUnusableDay()
    {
        // "nine" is not read and the old start (09:00) stands in; the good end (08:30) must not be blamed for it.
        var result = Read(form =>
        {
            form[ScheduleForm.Start] = "nine";
            form[ScheduleForm.End] = "08:30";
            form[ScheduleForm.Lunch] = "08:00";
        });

        var (field, message) = Assert.Single(result.Errors);
        Assert.Equal(ScheduleField.DayStart, field);
        Assert.Contains("“nine”", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LunchLengthAndCadence_LeftOut_KeepTheirCurrentValues()
    {
        var result = Read(form =>
        {
            form.Remove(ScheduleForm.LunchMinutes);
            form.Remove(ScheduleForm.Cadence);
        });

        var schedule = Assert.IsType<WorkSchedule>(result.Schedule);
        Assert.Equal(Current.LunchDuration, schedule.LunchDuration);
        Assert.Equal(Current.Cadence, schedule.Cadence);
        Assert.Equal(("45", "30"), (result.Entered.LunchMinutes, result.Entered.CadenceMinutes));
    }

    [Fact]
    public void Routines_AreOnOnlyWhenTheirToggleSaysTrue_InAnyCase()
    {
        var result = Read(form =>
        {
            form[ScheduleForm.RoutineField(RoutineKind.StartOfDay)] = "True";
            form[ScheduleForm.RoutineField(RoutineKind.Every30Minutes)] = "yes";
            form.Remove(ScheduleForm.RoutineField(RoutineKind.EndOfDay));
        });

        Assert.Equal([RoutineKind.StartOfDay], Assert.IsType<WorkSchedule>(result.Schedule).EnabledRoutines);
    }

    [Fact]
    public void NoRoutineOn_IsAllowed()
    {
        var result = Read(form =>
        {
            foreach (var routine in MovementCatalogue.Routines)
            {
                form[ScheduleForm.RoutineField(routine.Kind)] = ScheduleForm.Off;
            }
        });

        Assert.Empty(Assert.IsType<WorkSchedule>(result.Schedule).EnabledRoutines);
    }

    [Fact]
    public void DaysAndTimes_ToleranceForHowClientsWriteThem()
    {
        var result = Read(form =>
        {
            form[ScheduleForm.Days] = " friday , Monday,,";
            form[ScheduleForm.Start] = "8:15";
        });

        var schedule = Assert.IsType<WorkSchedule>(result.Schedule);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], schedule.WorkDays.Order());
        Assert.Equal(new TimeOnly(8, 15), schedule.DayStart);
    }

    [Fact]
    public void AnOverlongZone_IsRefused_WithoutEchoingIt()
    {
        var zone = "Europe/" + new string('x', 500);

        var result = Read(form => form[ScheduleForm.Zone] = zone);

        var message = Assert.Single(result.Errors).Value;
        Assert.True(message.Length < 120, message);
        Assert.Equal(string.Empty, result.Entered.TimeZoneId);
    }

    [Fact]
    public void NoFieldsAtAll_ReportsEveryRequiredField()
    {
        var result = ScheduleForm.Read(null, Current, Zones);

        Assert.Null(result.Schedule);
        Assert.Equal(
            [ScheduleField.TimeZone, ScheduleField.WorkDays, ScheduleField.DayStart, ScheduleField.DayEnd, ScheduleField.LunchStart],
            result.Errors.Keys.Order());
    }
}
