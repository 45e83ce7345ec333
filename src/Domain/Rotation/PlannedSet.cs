using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// The next set: its movements in order with reps and estimated durations, the reasons it
/// differs from the routine's plain suggestion, and one tip from the article's common mistakes.
/// </summary>
public sealed record PlannedSet(
    DateTimeOffset At,
    RoutineKind? Routine,
    SetFocus? Focus,
    IReadOnlyList<PlannedMovement> Movements,
    IReadOnlyList<PlanReason> Reasons,
    Mistake Tip)
{
    public TimeSpan TotalEstimatedDuration => Movements.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.EstimatedDuration);

    public IReadOnlyList<MovementId> MovementIds => [.. Movements.Select(m => m.Movement.Id)];

    /// <summary>The set as history, once it has been offered.</summary>
    public PastSet ToPastSet() => new(At, Routine, MovementIds);
}
