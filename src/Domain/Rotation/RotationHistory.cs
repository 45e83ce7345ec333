using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// What the rotation knows of a person's recent past: the sets offered to them and the log of
/// sets they did, with their fatigue ratings. Order does not matter; entries at or after the
/// instant being planned are ignored. A few weeks is plenty: nothing looks back more than 14 days.
/// </summary>
public sealed record RotationHistory(IReadOnlyList<PastSet> Offered, IReadOnlyList<LogEntry> Log)
{
    public static RotationHistory Empty { get; } = new([], []);

    public RotationHistory With(PastSet offered) => this with { Offered = [.. Offered, offered] };

    public RotationHistory With(LogEntry entry) => this with { Log = [.. Log, entry] };
}
