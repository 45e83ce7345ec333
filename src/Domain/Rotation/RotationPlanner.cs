using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// Chooses the movements and reps of the next set from the routine (or the region asked for) and
/// the person's recent history, following the article. Deterministic: the same input always gives
/// the same set; ties go to the least recently done movement, then to catalogue order.
/// </summary>
public static class RotationPlanner
{
    /// <summary>The article's "at least one leg-focused micro-movement per hour".</summary>
    public static readonly TimeSpan LegInterval = TimeSpan.FromMinutes(60);

    /// <summary>
    /// The end-of-day circuit takes in what was not offered today, up to this many movements in all:
    /// the article sizes it at about two minutes, and the whole menu at full reps takes about seven.
    /// </summary>
    public const int MaxCircuitMovements = 6;

    public const int MinFocusMovements = 2;

    public const int MaxFocusMovements = 3;

    /// <summary>
    /// Plans the set at <paramref name="at"/>. A <paramref name="focus"/> (an instant set aimed at a
    /// region) replaces the routine; at least one of the two is needed. <paramref name="startOfLocalDay"/>
    /// is the start of the person's own day, so "today" needs no time zone here.
    /// </summary>
    public static PlannedSet Plan(
        RoutineKind? routine,
        SetFocus? focus,
        DateTimeOffset at,
        DateTimeOffset startOfLocalDay,
        RotationHistory history)
    {
        if (startOfLocalDay > at)
        {
            throw new DomainException("The day cannot start after the set.");
        }

        var context = new RotationContext(at, startOfLocalDay, history);
        var draft = new SetDraft();
        if (focus is not null)
        {
            FocusedSetComposer.Compose(focus, context, draft);
        }
        else if (routine is { } kind)
        {
            RoutineSetComposer.Compose(MovementCatalogue.Get(kind), context, draft);
        }
        else
        {
            throw new DomainException("A set needs a routine or a focus.");
        }

        var movements = new List<PlannedMovement>();
        foreach (var movement in draft.Movements)
        {
            movements.Add(Dose(movement, context, draft));
        }

        // An instant set replaces the routine, so it is recorded without one.
        return new PlannedSet(at, focus is null ? routine : null, focus, movements, [.. draft.Reasons], TipChooser.Choose(focus, context, draft));
    }

    private static PlannedMovement Dose(Movement movement, RotationContext context, SetDraft draft)
    {
        var reps = EffortlessMovements.RepsFor(movement, context.Log, context.At);
        if (reps < movement.Reps.Max)
        {
            draft.Because(
                RotationRule.EffortlessFewerReps,
                $"Fewer reps of {Wording.Name(movement)} ({movement.Reps.Describe(reps)}): your last three sets of it felt effortless");
        }

        return new PlannedMovement(movement, reps);
    }
}
