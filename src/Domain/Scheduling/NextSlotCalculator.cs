using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Scheduling;

/// <summary>
/// Pure computation of the slots of a <see cref="WorkSchedule"/>. Time always comes in as a parameter.
/// </summary>
/// <remarks>
/// <para>Slots of a work day, in local wall time:</para>
/// <list type="bullet">
/// <item><see cref="RoutineKind.StartOfDay"/> at <see cref="WorkSchedule.DayStart"/>.</item>
/// <item><see cref="RoutineKind.PreMeeting"/> at each meeting start minus <see cref="WorkSchedule.PreMeetingLead"/>,
/// when that lies in [DayStart, DayEnd).</item>
/// <item><see cref="RoutineKind.AfterLunch"/> at <see cref="WorkSchedule.LunchEnd"/>.</item>
/// <item><see cref="RoutineKind.EndOfDay"/> at <see cref="WorkSchedule.EndOfDayAt"/> (DayEnd minus lead).</item>
/// <item><see cref="RoutineKind.Every30Minutes"/> at DayStart + k·Cadence (k ≥ 1) strictly before the end-of-day
/// time (whether or not that routine is enabled), skipped inside the lunch break [LunchStart, LunchEnd) and
/// within <see cref="NearbySlotWindow"/> (inclusive) of another enabled slot of that day.</item>
/// </list>
/// <para>Only enabled routines produce slots, and only enabled slots push a recurring one away.
/// Two slots never share a local time or an instant: the more specific one is kept
/// (PreMeeting &gt; AfterLunch &gt; StartOfDay/EndOfDay &gt; Every30Minutes).</para>
/// <para>Daylight saving: see <see cref="LocalTimeResolver.ToInstant"/>. An ambiguous wall time counts once,
/// at its first occurrence; a wall time in a gap is due at the first instant after the gap (and keeps its
/// scheduled <see cref="SlotOccurrence.LocalTime"/> and key). Slots collapsing onto one instant that way are
/// de-duplicated by the same specificity rule, ties going to the later scheduled time (so a slot whose wall time
/// really exists at the end of the gap keeps its own key).</para>
/// <para>A pause skips every slot due before <see cref="WorkSchedule.PausedUntil"/>.</para>
/// <para>The zone passed in must be the one named by <see cref="WorkSchedule.TimeZoneId"/>; resolving it is the
/// caller's job. An invalid schedule (see <see cref="WorkSchedule.Validate"/>) is rejected with an
/// <see cref="ArgumentException"/>.</para>
/// </remarks>
public static class NextSlotCalculator
{
    /// <summary>A recurring slot this close to another slot of the day is dropped: the other set already moves the person.</summary>
    public static readonly TimeSpan NearbySlotWindow = TimeSpan.FromMinutes(10);

    /// <summary>How many local days after <c>after</c> (or the end of a pause) are searched.</summary>
    public const int SearchDays = 15;

    /// <summary>
    /// The first slot due strictly after <paramref name="after"/> (any offset) and not before
    /// <see cref="WorkSchedule.PausedUntil"/>; <see langword="null"/> when no slot can ever be due,
    /// e.g. every routine is disabled.
    /// </summary>
    public static SlotOccurrence? NextAfter(WorkSchedule schedule, TimeZoneInfo zone, DateTimeOffset after)
    {
        EnsureUsable(schedule, zone);
        if (schedule.EnabledRoutines.Count == 0)
        {
            return null;
        }

        var searchFrom = schedule.PausedUntil is { } pausedUntil && pausedUntil > after ? pausedUntil : after;

        // Start a day early as a safety margin: a slot in a gap that spans midnight is due on the
        // local date after its own.
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(searchFrom, zone).DateTime).AddDays(-1);
        for (var day = 0; day <= SearchDays + 1; day++)
        {
            foreach (var slot in Slots(schedule, zone, firstDate.AddDays(day)))
            {
                if (slot.DueAt > after)
                {
                    return slot;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The slots of one local date, in strictly increasing <see cref="SlotOccurrence.DueAt"/> order;
    /// empty on a day off. Honours enabled routines and the pause like <see cref="NextAfter"/>.
    /// </summary>
    public static IReadOnlyList<SlotOccurrence> SlotsOn(WorkSchedule schedule, TimeZoneInfo zone, DateOnly localDate)
    {
        EnsureUsable(schedule, zone);
        return Slots(schedule, zone, localDate);
    }

    private static List<SlotOccurrence> Slots(WorkSchedule schedule, TimeZoneInfo zone, DateOnly date)
    {
        if (!schedule.WorkDays.Contains(date.DayOfWeek))
        {
            return [];
        }

        var planned = PlannedTimes(schedule, date.DayOfWeek)
            .GroupBy(slot => slot.At)
            .Select(MostSpecific);

        // Most days have no clock change: one offset for the whole day spares the per-slot zone lookups.
        var uniformOffset = UniformOffset(date, zone);
        return planned
            .Select(slot => new SlotOccurrence(
                slot.Routine,
                date,
                TimeOnly.FromTimeSpan(slot.At),
                uniformOffset is { } offset
                    ? new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(slot.At)), offset)
                    : LocalTimeResolver.ToInstant(date.ToDateTime(TimeOnly.FromTimeSpan(slot.At)), zone)))
            .GroupBy(slot => slot.DueAt)
            .Select(sameInstant => sameInstant
                .OrderByDescending(slot => RoutineKinds.Specificity(slot.Routine))
                .ThenByDescending(slot => slot.LocalTime)
                .First())
            .Where(slot => schedule.PausedUntil is not { } pausedUntil || slot.DueAt >= pausedUntil)
            .OrderBy(slot => slot.DueAt)
            .ToList();
    }

    /// <summary>
    /// The zone's offset for the whole local date when no clock change happens during it (the same
    /// offset at its first and last minute, neither in a gap nor repeated); otherwise null.
    /// </summary>
    private static TimeSpan? UniformOffset(DateOnly date, TimeZoneInfo zone)
    {
        var first = date.ToDateTime(TimeOnly.MinValue);
        var last = date.ToDateTime(new TimeOnly(23, 59));
        if (zone.IsInvalidTime(first) || zone.IsAmbiguousTime(first) || zone.IsInvalidTime(last) || zone.IsAmbiguousTime(last))
        {
            return null;
        }

        var offset = zone.GetUtcOffset(first);
        return offset == zone.GetUtcOffset(last) ? offset : null;
    }

    private static (RoutineKind Routine, TimeSpan At) MostSpecific(IEnumerable<(RoutineKind Routine, TimeSpan At)> sameTime) =>
        sameTime.MaxBy(slot => RoutineKinds.Specificity(slot.Routine));

    /// <summary>Local times of day of the enabled slots, before collisions are resolved.</summary>
    private static List<(RoutineKind Routine, TimeSpan At)> PlannedTimes(WorkSchedule schedule, DayOfWeek day)
    {
        var enabled = schedule.EnabledRoutines;
        var dayStart = schedule.DayStart.ToTimeSpan();
        var dayEnd = schedule.DayEnd.ToTimeSpan();
        var endOfDay = dayEnd - schedule.EndOfDayLead;
        var lunchStart = schedule.LunchStart.ToTimeSpan();
        var lunchEnd = lunchStart + schedule.LunchDuration;

        var anchors = new List<(RoutineKind Routine, TimeSpan At)>();
        if (enabled.Contains(RoutineKind.StartOfDay))
        {
            anchors.Add((RoutineKind.StartOfDay, dayStart));
        }

        if (enabled.Contains(RoutineKind.PreMeeting))
        {
            anchors.AddRange(schedule.Meetings
                .Where(meeting => meeting.TakesPlaceOn(day))
                .Select(meeting => meeting.Start.ToTimeSpan() - schedule.PreMeetingLead)
                .Where(at => at >= dayStart && at < dayEnd)
                .Select(at => (RoutineKind.PreMeeting, at)));
        }

        if (enabled.Contains(RoutineKind.AfterLunch))
        {
            anchors.Add((RoutineKind.AfterLunch, lunchEnd));
        }

        if (enabled.Contains(RoutineKind.EndOfDay))
        {
            anchors.Add((RoutineKind.EndOfDay, endOfDay));
        }

        var slots = new List<(RoutineKind Routine, TimeSpan At)>(anchors);
        if (enabled.Contains(RoutineKind.Every30Minutes))
        {
            for (var at = dayStart + schedule.Cadence; at < endOfDay; at += schedule.Cadence)
            {
                var inLunch = at >= lunchStart && at < lunchEnd;
                var nearAnother = anchors.Exists(anchor => (anchor.At - at).Duration() <= NearbySlotWindow);
                if (!inLunch && !nearAnother)
                {
                    slots.Add((RoutineKind.Every30Minutes, at));
                }
            }
        }

        return slots;
    }

    private static void EnsureUsable(WorkSchedule schedule, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(zone);
        var problems = schedule.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The schedule cannot be used: " + string.Join(" ", problems),
                nameof(schedule));
        }
    }
}
