namespace MicroMove.Domain.Tracking;

/// <summary>
/// Prompted sets and how many of them were done. A done prompted set is a log entry
/// linked one-to-one to a delivered prompt, so <see cref="Done"/> never exceeds
/// <see cref="Prompted"/> and the rate stays within 0..1; instant sets are not part of it.
/// </summary>
public sealed record Completion
{
    public Completion(int prompted, int done)
    {
        if (prompted < 0 || done < 0 || done > prompted)
        {
            throw new DomainException($"{done} done of {prompted} prompted sets is not a completion.");
        }

        Prompted = prompted;
        Done = done;
    }

    public static Completion None { get; } = new(0, 0);

    public int Prompted { get; }

    public int Done { get; }

    /// <summary>Done ÷ prompted, 0..1; null when nothing was prompted.</summary>
    public double? Rate => Prompted == 0 ? null : (double)Done / Prompted;
}
