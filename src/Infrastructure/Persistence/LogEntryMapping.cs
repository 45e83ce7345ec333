using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>Stored log rows as the Domain's log entries (unknown slugs, from a newer version, are skipped).</summary>
public static class LogEntryMapping
{
    public static LogEntry ToLogEntry(this LogEntryEntity entry) => new(
        entry.DoneAt,
        [.. entry.Movements.Select(slug => MovementSlugs.TryParse(slug, out var id) ? id : (MovementId?)null).OfType<MovementId>()],
        Rating(entry.FatigueBefore),
        Rating(entry.FatigueAfter),
        entry.Note,
        RoutineKinds.TryParse(entry.Routine));

    private static FatigueRating? Rating(short? value) =>
        value is { } v && FatigueRating.TryCreate(v, out var rating) ? rating : null;
}
