using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>The prompt message of a stored delivery, rebuilt from the set planned at dispatch.</summary>
internal static class PromptMessages
{
    /// <summary>The reference actions carry back: the delivery's id.</summary>
    public static string Reference(PromptDeliveryEntity delivery) => delivery.Id.ToString("N");

    public static MovementPromptMessage For(PromptDeliveryEntity delivery, FatigueRating? before = null)
    {
        var movements = delivery.Movements
            .Select(m => MovementSlugs.TryParse(m.Movement, out var id) ? Planned(MovementCatalogue.Get(id), m.Reps) : null)
            .OfType<PlannedMovement>()
            .ToList();
        var tip = MovementCatalogue.Mistakes.FirstOrDefault(m => m.Id.ToString() == delivery.Tip) ?? MovementCatalogue.Mistakes[0];
        var focus = delivery.Kind == DeliveryKind.InstantSet && delivery.SlotKey.Split('/').ElementAtOrDefault(1) is { Length: > 0 } named ? named : null;
        return MovementPromptMessage.For(RoutineKinds.TryParse(delivery.Routine), focus, movements, tip, delivery.Notes, Reference(delivery), before);
    }

    // A set stored before the catalogue's ranges changed still renders: its reps move into today's range
    // rather than failing the person's click on it.
    private static PlannedMovement Planned(Movement movement, int storedReps) =>
        new(movement, Math.Clamp(storedReps, movement.Reps.Min, movement.Reps.Max));
}
