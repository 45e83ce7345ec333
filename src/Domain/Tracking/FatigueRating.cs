namespace MicroMove.Domain.Tracking;

/// <summary>The article's perceived fatigue level, 1 (fresh) to 5 (very fatigued).</summary>
public readonly record struct FatigueRating
{
    public const int Lowest = 1;
    public const int Highest = 5;

    private FatigueRating(int value) => Value = value;

    public int Value { get; }

    public static bool TryCreate(int value, out FatigueRating rating)
    {
        rating = new FatigueRating(value);
        return value is >= Lowest and <= Highest;
    }

    public static FatigueRating Create(int value) =>
        TryCreate(value, out var rating)
            ? rating
            : throw new DomainException($"Fatigue is rated {Lowest}–{Highest}; {value} is out of range.");

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
