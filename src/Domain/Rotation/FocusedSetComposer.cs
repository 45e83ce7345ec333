using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>Builds an instant set aimed at what the person asked for; the request replaces the routine.</summary>
internal static class FocusedSetComposer
{
    public static void Compose(SetFocus focus, RotationContext context, SetDraft draft)
    {
        var region = MovementCatalogue.InRegion(focus.Region);
        var target = focus.IsWholeRegion
            ? Math.Min(RotationPlanner.MaxFocusMovements, region.Count)
            : Math.Clamp(focus.Core.Count, RotationPlanner.MinFocusMovements, RotationPlanner.MaxFocusMovements);

        foreach (var core in focus.Core.Select(MovementCatalogue.Get))
        {
            if (!context.IsBlocked(core.Id))
            {
                draft.Add(core);
                continue;
            }

            var swap = context.BestFresh(region, draft);
            if (swap is not null)
            {
                draft.Add(swap);
                draft.Because(
                    RotationRule.NoThirdInARow,
                    $"Swapped {Wording.Name(core)} for {Wording.Name(swap)}: {Wording.Name(core)} was in your last two sets");
            }
        }

        while (draft.Count < target && context.BestFresh(region, draft) is { } next)
        {
            draft.Add(next);
        }

        // The person asked for this region: when it has no fresh alternative left, repeat rather than send too little.
        while (draft.Count < RotationPlanner.MinFocusMovements && context.BestAny(region, draft) is { } repeat)
        {
            draft.Add(repeat);
            draft.Because(
                RotationRule.NoThirdInARow,
                $"Repeated {Wording.Name(repeat)}: you asked for your {focus.Name} and every other choice was in your last two sets");
        }

        draft.Because(
            RotationRule.RequestedFocus,
            $"Aimed at your {focus.Name}: {Wording.List(draft.Movements.Select(Wording.Name))}");
    }
}
