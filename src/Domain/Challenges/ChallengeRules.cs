namespace MicroMove.Domain.Challenges;

/// <summary>
/// The limits a team challenge is held to. A challenge runs for a number of work days (the
/// creator's work days, counted from its first day) and asks each participant for a daily goal
/// of sets; more sets than the goal on one day earn nothing more, because the article favours
/// regular, varied repetition over doing a lot at once.
/// </summary>
public static class ChallengeRules
{
    public const int DefaultDays = 5;
    public const int MinDays = 1;
    public const int MaxDays = 20;

    public const int DefaultDailyGoal = 3;
    public const int MinDailyGoal = 1;
    public const int MaxDailyGoal = 16;

    public const int MaxTitleLength = 80;

    /// <summary>A title when the lead gives none.</summary>
    public const string DefaultTitle = "Move more week";

    /// <summary>How many leaderboard rows a card shows; the rest are counted ("and 4 more").</summary>
    public const int CardRows = 10;
}
