using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// Picks the one tip shown with a set from the article's common mistakes: the mistake the set
/// itself is correcting when there is one, otherwise the next in turn so every tip comes round.
/// </summary>
internal static class TipChooser
{
    public static Mistake Choose(SetFocus? focus, RotationContext context, SetDraft draft)
    {
        if (draft.Applied(RotationRule.LegEveryHour) || (focus is not null && !draft.ContainsLeg && !context.LegOfferedWithinHour))
        {
            return Mistake(MistakeId.NeglectingLowerBody);
        }

        if (draft.Applied(RotationRule.NoThirdInARow))
        {
            return Mistake(MistakeId.OverRepeatingOneMovement);
        }

        return MovementCatalogue.Mistakes[context.PastSetCount % MovementCatalogue.Mistakes.Count];
    }

    private static Mistake Mistake(MistakeId id) => MovementCatalogue.Mistakes.First(m => m.Id == id);
}
