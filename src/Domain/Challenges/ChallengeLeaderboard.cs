namespace MicroMove.Domain.Challenges;

/// <summary>
/// The leaderboard: most points first, then most days on goal; people equal on both share a rank
/// ("1, 2, 2, 4"), listed by who reached their score first, then who joined first.
/// </summary>
public static class ChallengeLeaderboard
{
    public static IReadOnlyList<LeaderboardRow> Rank(Challenge challenge, IEnumerable<Entrant> entrants, DateTimeOffset asOf) =>
        Rank(entrants.Select(entrant => ChallengeScoring.Score(challenge, entrant, asOf)));

    public static IReadOnlyList<LeaderboardRow> Rank(IEnumerable<EntrantScore> scores)
    {
        var ordered = scores
            .OrderByDescending(s => s.Points)
            .ThenByDescending(s => s.DaysOnGoal)
            .ThenBy(s => s.ReachedAt is null)
            .ThenBy(s => s.ReachedAt)
            .ThenBy(s => s.JoinedAt)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var rows = new List<LeaderboardRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tiedWithPrevious = i > 0 && ordered[i].Points == ordered[i - 1].Points && ordered[i].DaysOnGoal == ordered[i - 1].DaysOnGoal;
            rows.Add(new LeaderboardRow(tiedWithPrevious ? rows[i - 1].Rank : i + 1, ordered[i]));
        }

        return rows;
    }
}
