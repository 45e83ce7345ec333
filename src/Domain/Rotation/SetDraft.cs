using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>A set being put together: its movements in order, without duplicates, and why.</summary>
internal sealed class SetDraft
{
    private readonly List<Movement> movements = [];
    private readonly List<PlanReason> reasons = [];

    public IReadOnlyList<Movement> Movements => movements;

    public IReadOnlyList<PlanReason> Reasons => reasons;

    public int Count => movements.Count;

    public bool ContainsLeg => movements.Any(m => m.IsLegFocused);

    public bool Contains(MovementId id) => movements.Any(m => m.Id == id);

    public bool Covers(BodyRegion region) => movements.Any(m => m.Region == region);

    public bool Applied(RotationRule rule) => reasons.Any(r => r.Rule == rule);

    /// <summary>Adds the movement unless it is already in; returns whether it was added.</summary>
    public bool Add(Movement movement)
    {
        if (Contains(movement.Id))
        {
            return false;
        }

        movements.Add(movement);
        return true;
    }

    public void Because(RotationRule rule, string text) => reasons.Add(new PlanReason(rule, text));
}
