using System.Globalization;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>A generated schedule, its zone and an instant to ask about.</summary>
public sealed record ScheduleCase(WorkSchedule Schedule, string ZoneId, DateTimeOffset After)
{
    public TimeZoneInfo Zone => TestZones.Get(ZoneId);

    public DateOnly LocalDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public override string ToString()
    {
        var s = Schedule;
        var meetings = string.Join(", ", s.Meetings.Select(m =>
            m.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + (m.Days is null ? "" : "[" + string.Join(" ", m.Days.Order()) + "]")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ZoneId} after={After:O} days=[{string.Join(" ", s.WorkDays.Order())}] {s.DayStart:HH:mm}–{s.DayEnd:HH:mm} "
            + $"lunch={s.LunchStart:HH:mm}+{s.LunchDuration.TotalMinutes} eodLead={s.EndOfDayLead.TotalMinutes} "
            + $"cadence={s.Cadence.TotalMinutes} preLead={s.PreMeetingLead.TotalMinutes} meetings=[{meetings}] "
            + $"routines=[{string.Join(" ", s.EnabledRoutines.Order())}] paused={s.PausedUntil:O}");
    }
}
