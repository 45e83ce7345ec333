namespace MicroMove.Domain.Messages;

/// <summary>One leaderboard line of a challenge card, ready to show: "2" — "Grace" — "7 pts · 2 days on goal · 2-day streak".</summary>
public sealed record ChallengeStanding(int Rank, string Name, string Figures)
{
    /// <summary>🥇🥈🥉 for the first three ranks, "4." and so on after.</summary>
    public string Place => Rank switch
    {
        1 => "🥇",
        2 => "🥈",
        3 => "🥉",
        _ => $"{Rank}.",
    };
}
