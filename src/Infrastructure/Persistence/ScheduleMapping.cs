using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>
/// Between the Domain's <see cref="WorkSchedule"/> and what a person row stores: the zone
/// and the pause in their own columns (they are queried), the rest as one JSON document.
/// </summary>
public static class ScheduleMapping
{
    public static WorkSchedule ToWorkSchedule(this PersonEntity person)
    {
        var stored = person.Schedule;
        return new WorkSchedule
        {
            TimeZoneId = person.TimeZoneId,
            WorkDays = stored.WorkDays.ToHashSet(),
            DayStart = stored.DayStart,
            DayEnd = stored.DayEnd,
            LunchStart = stored.LunchStart,
            LunchDuration = TimeSpan.FromMinutes(stored.LunchMinutes),
            Meetings = [.. stored.Meetings.Select(m => new RecurringMeeting(m.Start, m.Days?.ToHashSet()))],
            PreMeetingLead = TimeSpan.FromMinutes(stored.PreMeetingLeadMinutes),
            EndOfDayLead = TimeSpan.FromMinutes(stored.EndOfDayLeadMinutes),
            // A routine unknown to this version (stored by a newer one) is ignored rather than failing the person.
            EnabledRoutines = stored.Routines.Select(RoutineKinds.TryParse).OfType<RoutineKind>().ToHashSet(),
            Cadence = TimeSpan.FromMinutes(stored.CadenceMinutes),
            PausedUntil = person.PausedUntil,
        };
    }

    /// <summary>Writes a schedule onto a person: the document, the zone and the pause.</summary>
    public static void Apply(this PersonEntity person, WorkSchedule schedule)
    {
        person.TimeZoneId = schedule.TimeZoneId;
        person.PausedUntil = schedule.PausedUntil;
        person.Schedule = ToSettings(schedule);
    }

    public static ScheduleSettings ToSettings(WorkSchedule schedule) => new()
    {
        WorkDays = [.. schedule.WorkDays.Order()],
        DayStart = schedule.DayStart,
        DayEnd = schedule.DayEnd,
        LunchStart = schedule.LunchStart,
        LunchMinutes = (int)schedule.LunchDuration.TotalMinutes,
        Meetings = [.. schedule.Meetings.Select(m => new MeetingSetting(m.Start, m.Days is null ? null : [.. m.Days.Order()]))],
        Routines = [.. MovementCatalogue.Routines.Where(r => schedule.EnabledRoutines.Contains(r.Kind)).Select(r => r.Slug)],
        CadenceMinutes = (int)schedule.Cadence.TotalMinutes,
        PreMeetingLeadMinutes = (int)schedule.PreMeetingLead.TotalMinutes,
        EndOfDayLeadMinutes = (int)schedule.EndOfDayLead.TotalMinutes,
    };
}
