namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>The life of a delivery: pending → claimed (under a lease) → sent, or failed/missed with a reason.</summary>
public enum DeliveryStatus
{
    Pending,
    Claimed,
    Sent,
    Failed,
    Missed,
}
