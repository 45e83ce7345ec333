namespace MicroMove.Domain.Scheduling;

/// <summary>The parts of a <see cref="WorkSchedule"/> a problem can be about, so a form can show it next to the right input.</summary>
public enum ScheduleField
{
    TimeZone,
    WorkDays,
    DayStart,
    DayEnd,
    LunchStart,
    LunchDuration,
    Cadence,
    Meetings,
    PreMeetingLead,
    EndOfDayLead,
}
