using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Rotation;

/// <summary>One movement of a planned set with its reps, always within the article's rep range.</summary>
public sealed record PlannedMovement
{
    public PlannedMovement(Movement movement, int reps)
    {
        if (!movement.Reps.Contains(reps))
        {
            throw new DomainException($"{movement.Name} is done {movement.Reps.Describe()}; {reps} is out of range.");
        }

        Movement = movement;
        Reps = reps;
    }

    public Movement Movement { get; }

    public int Reps { get; }

    public TimeSpan EstimatedDuration => Movement.EstimatedSetDuration(Reps);

    /// <summary>"Ankle pumps: 12 pumps".</summary>
    public string Describe() => $"{Movement.Name}: {Movement.Reps.Describe(Reps)}";
}
