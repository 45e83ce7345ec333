using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>Builds a scheduled set: the routine's parts, then the rotation's additions.</summary>
internal static class RoutineSetComposer
{
    public static void Compose(Routine routine, RotationContext context, SetDraft draft)
    {
        foreach (var part in routine.Parts)
        {
            AddPart(part, context, draft);
        }

        if (routine.IsFullCircuit)
        {
            AddRestOfMenu(context, draft);
        }

        AddLegIfOverdue(context, draft);
        AddTightRegions(context, draft);
    }

    private static void AddPart(RoutinePart part, RotationContext context, SetDraft draft)
    {
        var region = MovementCatalogue.InRegion(part.Region);
        if (part.Suggested is { } suggestedId)
        {
            var suggested = MovementCatalogue.Get(suggestedId);
            if (draft.Contains(suggestedId) || !context.IsBlocked(suggestedId))
            {
                draft.Add(suggested);
                return;
            }

            // Repetition with variation: "switch to a complementary action" of the same region.
            var swap = context.BestFresh(region, draft) ?? context.BestFresh(MovementCatalogue.Movements, draft);
            if (swap is not null)
            {
                draft.Add(swap);
                draft.Because(
                    RotationRule.NoThirdInARow,
                    $"Swapped {Wording.Name(suggested)} for {Wording.Name(swap)}: {Wording.Name(suggested)} was in your last two sets");
                return;
            }

            AddDespiteRepeat(region, context, draft);
            return;
        }

        var pick = context.BestFresh(region, draft);
        if (pick is not null)
        {
            draft.Add(pick);
            if (!context.WasOfferedToday(pick.Id) && region.Any(m => m.Id != pick.Id && context.WasOfferedToday(m.Id)))
            {
                draft.Because(RotationRule.FullMenuDaily, $"Picked {Wording.Name(pick)}: not done yet today");
            }

            return;
        }

        // Every movement of the region was in the last two sets: a complementary one from elsewhere.
        var elsewhere = context.BestFresh(MovementCatalogue.Movements, draft);
        if (elsewhere is not null)
        {
            draft.Add(elsewhere);
            draft.Because(
                RotationRule.NoThirdInARow,
                $"Chose {Wording.Name(elsewhere)}: every {Wording.Name(part.Region)} movement was in your last two sets");
            return;
        }

        AddDespiteRepeat(region, context, draft);
    }

    /// <summary>Only when every movement was in the last two sets: never leave a part, or the set, empty.</summary>
    private static void AddDespiteRepeat(IReadOnlyList<Movement> region, RotationContext context, SetDraft draft)
    {
        var repeat = context.BestAny(region, draft);
        if (repeat is not null)
        {
            draft.Add(repeat);
            draft.Because(
                RotationRule.NoThirdInARow,
                $"Repeated {Wording.Name(repeat)}: every other choice was in your last two sets too");
        }
    }

    /// <summary>
    /// The end-of-day circuit takes in what has not been offered today, up to
    /// <see cref="RotationPlanner.MaxCircuitMovements"/> so that it stays a short circuit.
    /// </summary>
    private static void AddRestOfMenu(RotationContext context, SetDraft draft)
    {
        var missing = context.Rank(MovementCatalogue.Movements.Where(m => !draft.Contains(m.Id) && !context.WasOfferedToday(m.Id))).ToList();
        var room = Math.Max(0, RotationPlanner.MaxCircuitMovements - draft.Count);
        var added = missing.Take(room).Where(draft.Add).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var left = missing.Count - added.Count;
        var suffix = left > 0 ? $" ({left} more another day)" : string.Empty;
        draft.Because(
            RotationRule.FullMenuDaily,
            $"Added {Wording.List(added.Select(Wording.Name))}: not done yet today{suffix}");
    }

    /// <summary>The article's correction for neglecting the lower body: a leg movement at least every hour.</summary>
    private static void AddLegIfOverdue(RotationContext context, SetDraft draft)
    {
        if (context.LegOfferedWithinHour || draft.ContainsLeg)
        {
            return;
        }

        var legs = MovementCatalogue.Movements.Where(m => m.IsLegFocused).ToList();
        // Circulation matters more than variation here, so a repeat is allowed when nothing else is left.
        var leg = context.BestFresh(legs, draft) ?? context.BestAny(legs, draft);
        if (leg is not null && draft.Add(leg))
        {
            draft.Because(RotationRule.LegEveryHour, $"Added {Wording.Name(leg)}: no leg movement in the last hour");
        }
    }

    /// <summary>Specificity: a region rated tight again and again gets worked in every set.</summary>
    private static void AddTightRegions(RotationContext context, SetDraft draft)
    {
        foreach (var region in TightRegions.Detect(context.Log, context.At))
        {
            if (draft.Covers(region))
            {
                continue;
            }

            // Unlike the hourly leg movement this is extra work, so it never breaks the no-third-in-a-row rule.
            var extra = context.BestFresh(MovementCatalogue.InRegion(region), draft);
            if (extra is not null && draft.Add(extra))
            {
                draft.Because(
                    RotationRule.TightRegion,
                    $"Added {Wording.Name(extra)}: you have rated your {Wording.Name(region)} tight lately");
            }
        }
    }
}
