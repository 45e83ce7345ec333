using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>Stored log rows as the Domain's log entries (unknown slugs, from a newer version, are skipped).</summary>
public static class LogEntryMapping
{
    public static LogEntry ToLogEntry(this LogEntryEntity entry) =>
        ToLogEntry(entry.DoneAt, entry.Movements, entry.FatigueBefore, entry.FatigueAfter, entry.Note, entry.Routine);

    /// <summary>The same from a row's columns, for reads that project instead of loading entities.</summary>
    public static LogEntry ToLogEntry(
        DateTimeOffset doneAt, IEnumerable<string> movements, short? fatigueBefore, short? fatigueAfter, string? note, string? routine) => new(
        doneAt,
        [.. movements.Select(slug => MovementSlugs.TryParse(slug, out var id) ? id : (MovementId?)null).OfType<MovementId>()],
        Rating(fatigueBefore),
        Rating(fatigueAfter),
        note,
        RoutineKinds.TryParse(routine));

    private static FatigueRating? Rating(short? value) =>
        value is { } v && FatigueRating.TryCreate(v, out var rating) ? rating : null;
}
