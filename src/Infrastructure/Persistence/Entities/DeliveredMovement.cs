namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>One movement of a delivered set: its slug and the reps asked for.</summary>
public sealed record DeliveredMovement(string Movement, int Reps);
