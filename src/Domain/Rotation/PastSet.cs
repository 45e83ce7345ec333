using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// A set the bot offered earlier, whether or not it was done: "in a row" and "offered today"
/// are about what was offered. Ratings live in the log (<see cref="Tracking.LogEntry"/>).
/// <see cref="Routine"/> is null for an on-demand instant set.
/// </summary>
public sealed record PastSet(DateTimeOffset OfferedAt, RoutineKind? Routine, IReadOnlyList<MovementId> Movements);
