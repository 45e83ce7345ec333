namespace MicroMove.Domain.Challenges;

/// <summary>
/// A team challenge as the scoring sees it: its title, its calendar (the dates it counts, in
/// order) and the daily goal of sets. Participants score on every date from <see cref="StartsOn"/>
/// to <see cref="EndsOn"/> that is one of their own work days, in their own time zone.
/// </summary>
public sealed record Challenge
{
    public Challenge(string title, IReadOnlyList<DateOnly> days, int dailyGoal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (days.Count == 0)
        {
            throw new DomainException("A challenge needs at least one day.");
        }

        if (dailyGoal is < ChallengeRules.MinDailyGoal or > ChallengeRules.MaxDailyGoal)
        {
            throw new DomainException($"A daily goal is {ChallengeRules.MinDailyGoal} to {ChallengeRules.MaxDailyGoal} sets.");
        }

        if (days.Zip(days.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new DomainException("A challenge's days must be in order, each once.");
        }

        Title = title;
        Days = days;
        DailyGoal = dailyGoal;
    }

    public string Title { get; }

    /// <summary>The challenge's own days (the creator's work days), first to last.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    public int DailyGoal { get; }

    public DateOnly StartsOn => Days[0];

    public DateOnly EndsOn => Days[^1];

    /// <summary>The most a participant with the same work days as the creator can score.</summary>
    public int MaxPoints => Days.Count * DailyGoal;
}
