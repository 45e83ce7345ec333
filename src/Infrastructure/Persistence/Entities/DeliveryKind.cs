namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>What a delivery carries: a movement prompt or a weekly summary.</summary>
public enum DeliveryKind
{
    Prompt,
    WeeklySummary,
}
