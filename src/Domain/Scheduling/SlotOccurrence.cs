using System.Globalization;
using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Scheduling;

/// <summary>One due occurrence of a routine.</summary>
/// <param name="Routine">Which set is due.</param>
/// <param name="LocalDate">The person's local work date the slot belongs to.</param>
/// <param name="LocalTime">
/// The scheduled local wall time. Usually the wall time of <see cref="DueAt"/>; when it falls in a
/// daylight-saving gap it is the wall time that did not exist (see <see cref="NextSlotCalculator"/>).
/// </param>
/// <param name="DueAt">The instant the slot is due, always with a UTC offset of zero.</param>
public sealed record SlotOccurrence(RoutineKind Routine, DateOnly LocalDate, TimeOnly LocalTime, DateTimeOffset DueAt)
{
    public DateTimeOffset DueAt { get; init => field = value.ToUniversalTime(); } = DueAt.ToUniversalTime();

    /// <summary>
    /// Stable id of this occurrence for one person, e.g. "2026-11-25T10:30/every-30-minutes".
    /// Built from the scheduled local date and time and the routine, so recomputing gives the same key.
    /// </summary>
    public string Key => string.Create(
        CultureInfo.InvariantCulture,
        $"{LocalDate:yyyy-MM-dd}T{LocalTime:HH:mm}/{RoutineKinds.Slug(Routine)}");
}
