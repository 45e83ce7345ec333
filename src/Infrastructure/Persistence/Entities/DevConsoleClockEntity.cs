namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>
/// The dev console's simulated clock: one row (id 1) with how far the console's "now" is
/// ahead of real time, kept in the database so every replica tells the same time.
/// </summary>
public sealed class DevConsoleClockEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public TimeSpan Offset { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
