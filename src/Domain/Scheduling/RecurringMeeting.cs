namespace MicroMove.Domain.Scheduling;

/// <summary>
/// One of the person's usual recurring meetings. The pre-meeting set is due
/// <see cref="WorkSchedule.PreMeetingLead"/> before <see cref="Start"/>.
/// </summary>
/// <param name="Start">Local wall time the meeting starts.</param>
/// <param name="Days">
/// Days the meeting takes place; <see langword="null"/> means every work day.
/// Days that are not work days are ignored.
/// </param>
public sealed record RecurringMeeting(TimeOnly Start, IReadOnlySet<DayOfWeek>? Days = null)
{
    /// <summary>Whether the meeting takes place on <paramref name="day"/> (work days are checked elsewhere).</summary>
    public bool TakesPlaceOn(DayOfWeek day) => Days is null || Days.Contains(day);
}
