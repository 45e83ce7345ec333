namespace MicroMove.Domain.Challenges;

/// <summary>A place on the leaderboard; people with the same points and days on goal share a rank.</summary>
public sealed record LeaderboardRow(int Rank, EntrantScore Score);
