namespace MicroMove.Domain.Challenges;

/// <summary>One scheduled post of the leaderboard: day <see cref="DayNumber"/> of the challenge, at <see cref="DueAt"/>; the last one is the results.</summary>
public sealed record ChallengeUpdate(DateOnly Day, int DayNumber, DateTimeOffset DueAt, bool IsFinal);
