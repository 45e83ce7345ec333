namespace MicroMove.Domain.Challenges;

/// <summary>
/// How far a challenge is: <see cref="DayNumber"/> is today's day of the challenge (or the last day
/// passed, on a day off), <see cref="DaysLeft"/> counts today while it is a challenge day.
/// </summary>
public sealed record ChallengeProgress(ChallengeStage Stage, int DayNumber, int DaysLeft);
