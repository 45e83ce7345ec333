namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// The life of a delivery: pending → claimed (under a lease) → sending (the platform call has
/// begun) → sent, or failed/missed with a reason. A claim whose lease runs out is taken over by
/// another node; a send whose lease runs out is failed as uncertain, never sent again, because
/// the platform may already have posted it.
/// </summary>
public enum DeliveryStatus
{
    Pending,
    Claimed,
    Sending,
    Sent,
    Failed,
    Missed,
}
