using FsCheck;
using FsCheck.Fluent;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

/// <summary>FsCheck generators: valid schedules, zones and instants in 2025–2027, and wall times near clock changes.</summary>
public static class SchedulingArbitraries
{
    private static readonly DayOfWeek[] AllDays = Enum.GetValues<DayOfWeek>();
    private static readonly RoutineKind[] AllRoutines = Enum.GetValues<RoutineKind>();
    private static readonly DateTimeOffset RangeStart = TestZones.Utc(2025, 1, 1, 0, 0);
    private static readonly int RangeMinutes = (int)(TestZones.Utc(2028, 1, 1, 0, 0) - RangeStart).TotalMinutes;

    public static Arbitrary<ScheduleCase> ScheduleCases() => Cases.ToArbitrary();

    /// <summary>Whole-minute wall times, half of them within 90 minutes of a clock change (so in gaps and repeats).</summary>
    public static Arbitrary<LocalWallTime> LocalWallTimes() =>
        (from zoneId in Gen.Elements(TestZones.Interesting)
         from instant in Instant(zoneId)
         from change in ChangeWallTime(zoneId)
         from shift in Gen.Choose(-90, 90)
         let wall = change ?? TimeZoneInfo.ConvertTime(instant, TestZones.Get(zoneId)).DateTime
         select new LocalWallTime(
             zoneId,
             new DateTime(wall.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute).AddMinutes(shift)))
        .ToArbitrary();

    /// <summary>Half the time the wall time at which one of the zone's clock changes happens, else null.</summary>
    private static Gen<DateTime?> ChangeWallTime(string zoneId)
    {
        var transitions = TestZones.Transitions(zoneId);
        if (transitions.Length == 0)
        {
            return Gen.Constant<DateTime?>(null);
        }

        var zone = TestZones.Get(zoneId);
        return Gen.OneOf(
            Gen.Constant<DateTime?>(null),
            Gen.Elements(transitions).Select(t => (DateTime?)TimeZoneInfo.ConvertTime(t.AddMinutes(-1), zone).DateTime.AddMinutes(1)));
    }

    private static Gen<ScheduleCase> Cases =>
        from zoneId in Gen.Elements(TestZones.Interesting)
        from moment in Moment(zoneId)
        from schedule in Schedules(zoneId, moment.After, moment.ChangeMinuteOfDay)
        select new ScheduleCase(schedule, zoneId, moment.After);

    /// <summary>
    /// An instant to ask about; when it was drawn near a clock change, also the local minute of day of
    /// that change, so the workday can be placed over it.
    /// </summary>
    private static Gen<(DateTimeOffset After, int? ChangeMinuteOfDay)> Moment(string zoneId)
    {
        var uniform = Instant(zoneId).Select(after => (after, (int?)null));
        var transitions = TestZones.Transitions(zoneId);
        if (transitions.Length == 0)
        {
            return uniform;
        }

        var zone = TestZones.Get(zoneId);
        var nearChange =
            from transition in Gen.Elements(transitions)
            from minutes in Gen.Frequency((3, Gen.Choose(-4 * 60, 60)), (1, Gen.Choose(-30 * 60, 6 * 60)))
            from ticks in SubMinuteTicks
            let wallJustBefore = TimeZoneInfo.ConvertTime(transition.AddMinutes(-1), zone).DateTime.AddMinutes(1)
            select (transition.AddMinutes(minutes).AddTicks(ticks), (int?)(int)wallJustBefore.TimeOfDay.TotalMinutes);

        return Gen.Frequency((1, uniform), (2, nearChange));
    }

    /// <summary>Half uniform over 2025–2027, half within a day and a half of one of the zone's clock changes.</summary>
    private static Gen<DateTimeOffset> Instant(string zoneId)
    {
        var uniform =
            from minute in Gen.Choose(0, RangeMinutes - 1)
            from ticks in SubMinuteTicks
            select RangeStart.AddMinutes(minute).AddTicks(ticks);

        var transitions = TestZones.Transitions(zoneId);
        if (transitions.Length == 0)
        {
            return uniform;
        }

        var nearChange =
            from transition in Gen.Elements(transitions)
            from minutes in Gen.Choose(-36 * 60, 36 * 60)
            from ticks in SubMinuteTicks
            select transition.AddMinutes(minutes).AddTicks(ticks);

        return Gen.OneOf(uniform, nearChange);
    }

    private static Gen<long> SubMinuteTicks =>
        Gen.Frequency(
            (2, Gen.Constant(0L)),
            (1, Gen.Constant(-1L)),
            (1, Gen.Choose(0, 59).Select(seconds => seconds * TimeSpan.TicksPerSecond)),
            (1, Gen.Choose(1, 9_999_999).Select(ticks => (long)ticks)));

    private static Gen<int> StartMinute(int? changeMinuteOfDay) =>
        changeMinuteOfDay is { } change
            ? Gen.Frequency(
                (3, Gen.Choose(Math.Max(0, change - 120), Math.Min(1409, change))),
                (1, Gen.Choose(0, 720)))
            : Gen.Frequency((1, Gen.Choose(0, 240)), (2, Gen.Choose(300, 720)));

    private static Gen<WorkSchedule> Schedules(string zoneId, DateTimeOffset after, int? changeMinuteOfDay) =>
        from startMinute in StartMinute(changeMinuteOfDay)
        from length in Gen.Frequency(
            (3, Gen.Choose(Math.Min(240, 1439 - startMinute), Math.Min(600, 1439 - startMinute))),
            (1, Gen.Choose(30, 1439 - startMinute)))
        let endMinute = Math.Min(1439, startMinute + length)
        let dayLength = endMinute - startMinute
        from lunchMinutes in Gen.Choose(1, Math.Min(90, dayLength))
        from lunchStart in Gen.Choose(startMinute, endMinute - lunchMinutes)
        from endLead in Gen.Choose(0, Math.Min(30, dayLength - 1))
        from cadence in Gen.Frequency((1, Gen.Choose(15, 120)), (1, Gen.Elements(15, 20, 30)))
        from preLead in Gen.Choose(0, 15)
        from workDays in WorkDays(changeMinuteOfDay is not null)
        from meetings in Gen.Choose(0, 4).SelectMany(count => Meeting.ArrayOf(count))
        from routines in Routines
        from pausedUntil in PausedUntil(after)
        select WorkSchedule.Default(zoneId) with
        {
            WorkDays = workDays,
            DayStart = Minute(startMinute),
            DayEnd = Minute(endMinute),
            LunchStart = Minute(lunchStart),
            LunchDuration = TimeSpan.FromMinutes(lunchMinutes),
            EndOfDayLead = TimeSpan.FromMinutes(endLead),
            Cadence = TimeSpan.FromMinutes(cadence),
            PreMeetingLead = TimeSpan.FromMinutes(preLead),
            Meetings = meetings,
            EnabledRoutines = routines,
            PausedUntil = pausedUntil,
        };

    /// <summary>Mostly Monday–Friday; near a clock change (usually on a weekend) mostly every day.</summary>
    private static Gen<IReadOnlySet<DayOfWeek>> WorkDays(bool nearChange) =>
        Gen.Frequency(
            (nearChange ? 0 : 2, Gen.Constant<IReadOnlySet<DayOfWeek>>(WorkSchedule.Default("UTC").WorkDays)),
            (nearChange ? 2 : 0, Gen.Constant<IReadOnlySet<DayOfWeek>>(AllDays.ToHashSet())),
            (1, Gen.SubListOf(AllDays).Where(days => days.Count > 0).Select(days => (IReadOnlySet<DayOfWeek>)days.ToHashSet())));

    private static Gen<IReadOnlySet<RoutineKind>> Routines =>
        Gen.Frequency(
            (3, Gen.Constant<IReadOnlySet<RoutineKind>>(AllRoutines.ToHashSet())),
            (2, Gen.SubListOf(AllRoutines).Select(routines => (IReadOnlySet<RoutineKind>)routines.ToHashSet())));

    private static Gen<RecurringMeeting> Meeting =>
        from start in Gen.Choose(0, 1439)
        from days in Gen.Frequency(
            (1, Gen.Constant<IReadOnlySet<DayOfWeek>?>(null)),
            (1, Gen.SubListOf(AllDays).Where(d => d.Count > 0).Select(d => (IReadOnlySet<DayOfWeek>?)d.ToHashSet())))
        select new RecurringMeeting(Minute(start), days);

    private static Gen<DateTimeOffset?> PausedUntil(DateTimeOffset after) =>
        Gen.Frequency(
            (3, Gen.Constant<DateTimeOffset?>(null)),
            (2, Gen.Choose(-3 * 24 * 60, 20 * 24 * 60).Select(minutes => (DateTimeOffset?)after.AddMinutes(minutes))),
            (1, Gen.Choose(-600, 600).Select(minutes => (DateTimeOffset?)after.AddMinutes(minutes))));

    private static TimeOnly Minute(int minuteOfDay) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minuteOfDay));
}
