namespace MicroMove.Domain.Challenges;

/// <summary>
/// One participant's standing. <see cref="Points"/>: sets counted, at most the daily goal a day.
/// <see cref="DaysOnGoal"/>: days the goal was reached. <see cref="Streak"/>: work days on goal in a
/// row up to today (today counts once reached, and does not break the run while still open).
/// <see cref="ReachedAt"/>: when the last counted set was done — who got there first wins a tie.
/// </summary>
public sealed record EntrantScore(
    string Key,
    string Name,
    int Points,
    int DaysOnGoal,
    int Streak,
    int SetsToday,
    int ScoringDays,
    DateTimeOffset? ReachedAt,
    DateTimeOffset JoinedAt);
