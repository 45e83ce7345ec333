namespace MicroMove.Domain.Challenges;

/// <summary>What <c>challenge …</c> asked for.</summary>
public abstract record ChallengeCommand
{
    /// <summary><c>challenge start [title] [days N] [goal N]</c>, the defaults filled in where not given.</summary>
    public sealed record Start(string Title, int Days, int DailyGoal) : ChallengeCommand;

    public sealed record Join : ChallengeCommand;

    public sealed record Leave : ChallengeCommand;

    /// <summary><c>challenge</c> or <c>challenge status</c>: the card with the leaderboard.</summary>
    public sealed record Status : ChallengeCommand;

    public sealed record End : ChallengeCommand;

    public sealed record Help : ChallengeCommand;

    public sealed record NotUnderstood(string Correction) : ChallengeCommand;
}
