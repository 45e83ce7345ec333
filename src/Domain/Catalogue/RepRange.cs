namespace MicroMove.Domain.Catalogue;

/// <summary>The article's rep range of a movement, e.g. "8–10 pulses" or "4–5 twists per side".</summary>
public sealed record RepRange
{
    public RepRange(int min, int max, string unit, Sidedness sides = Sidedness.Once)
    {
        if (min < 1 || max < min)
        {
            throw new DomainException($"Invalid rep range {min}–{max}.");
        }

        Min = min;
        Max = max;
        Unit = unit;
        Sides = sides;
    }

    public int Min { get; }

    public int Max { get; }

    /// <summary>What one rep is called: pulses, cycles, circles, pumps, twists, extensions, slides.</summary>
    public string Unit { get; }

    public Sidedness Sides { get; }

    /// <summary>How many times the reps are performed: twice when they are per side, leg or direction.</summary>
    public int Rounds => Sides == Sidedness.Once ? 1 : 2;

    public bool Contains(int reps) => reps >= Min && reps <= Max;

    /// <summary>"8–10 pulses", "5 circles each direction", "4–5 twists per side".</summary>
    public string Describe() => $"{(Min == Max ? $"{Min}" : $"{Min}–{Max}")} {Unit}{SidesSuffix}";

    /// <summary>"8 pulses", "5 circles each direction" for a chosen number of reps.</summary>
    public string Describe(int reps) => $"{reps} {Unit}{SidesSuffix}";

    private string SidesSuffix => Sides switch
    {
        Sidedness.PerSide => " per side",
        Sidedness.PerLeg => " per leg",
        Sidedness.PerDirection => " each direction",
        _ => string.Empty,
    };
}
