namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>What a delivery carries: a movement prompt at a slot, an instant set asked for on demand, or a weekly summary.</summary>
public enum DeliveryKind
{
    Prompt,
    WeeklySummary,
    InstantSet,
}
