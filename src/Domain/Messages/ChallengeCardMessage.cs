using System.Globalization;
using MicroMove.Domain.Challenges;

namespace MicroMove.Domain.Messages;

/// <summary>
/// A team challenge in its channel: title, the rules in one line, its dates and how far it is, the
/// leaderboard (top <see cref="ChallengeRules.CardRows"/>, then "and N more") and Join while it
/// runs; the results variant when it has ended. Set counts only — never how anyone feels.
/// </summary>
public sealed record ChallengeCardMessage(
    string Reference,
    string Heading,
    string RulesLine,
    string DatesLine,
    string StatusLine,
    IReadOnlyList<ChallengeStanding> Standings,
    int MoreCount,
    string? Note,
    bool IsResults,
    MessageAction? Join) : BotMessage
{
    public const string JoinLabel = "Join the challenge";
    public const string PrivacyLine = "Joining is opt-in. The board shows set counts only, never how anyone feels.";

    public override string FallbackText =>
        $"{Heading}. {(Note is { Length: > 0 } ? $"{Note} " : string.Empty)}{StatusLine}. " + (Standings.Count == 0
            ? "No one has joined yet."
            : string.Join(", ", Standings.Select(s => $"{s.Rank}. {s.Name} {s.Figures}")) + (MoreCount > 0 ? $", and {MoreCount} more" : string.Empty) + ".");

    /// <summary>The card for <paramref name="challenge"/> as of <paramref name="progress"/>; <paramref name="reference"/> is what Join carries back.</summary>
    public static ChallengeCardMessage For(
        string reference,
        Challenge challenge,
        ChallengeProgress progress,
        IReadOnlyList<LeaderboardRow> board,
        string? note = null)
    {
        var culture = CultureInfo.InvariantCulture;
        var results = progress.Stage == ChallengeStage.Finished;
        var heading = results
            ? $"🏁 Results: {challenge.Title}"
            : progress.Stage == ChallengeStage.Running ? $"🏆 {challenge.Title} · day {progress.DayNumber} of {challenge.Days.Count}" : $"🏆 {challenge.Title}";
        var days = challenge.Days.Count == 1 ? "1 work day" : $"{challenge.Days.Count} work days";
        var sets = challenge.DailyGoal == 1 ? "1 set" : $"{challenge.DailyGoal} sets";
        var rules = $"Goal: {sets} a day on your work days, in your own time zone — a point per set, up to {challenge.DailyGoal} a day. "
            + "Extra sets don't score: little and often beats a lot at once.";
        var dates = $"{challenge.StartsOn.ToString("ddd d MMM", culture)} – {challenge.EndsOn.ToString("ddd d MMM", culture)} ({days})";
        var status = progress.Stage switch
        {
            ChallengeStage.NotStarted => $"Starts {challenge.StartsOn.ToString("dddd d MMM", culture)}",
            ChallengeStage.Running => progress.DaysLeft == 1 ? "Last day today" : $"{progress.DaysLeft} days left, today included",
            _ => Winners(board),
        };
        var standings = board.Take(ChallengeRules.CardRows)
            .Select(row => new ChallengeStanding(row.Rank, row.Score.Name, Figures(row.Score, challenge.DailyGoal)))
            .ToList();
        return new ChallengeCardMessage(
            reference,
            heading,
            rules,
            dates,
            status,
            standings,
            Math.Max(0, board.Count - ChallengeRules.CardRows),
            note,
            results,
            results ? null : new MessageAction(ActionKind.JoinChallenge, JoinLabel, reference, IsPrimary: true));
    }

    private static string Figures(EntrantScore score, int goal)
    {
        var points = score.Points == 1 ? "1 pt" : $"{score.Points} pts";
        var onGoal = score.DaysOnGoal == 1 ? "1 day on goal" : $"{score.DaysOnGoal} days on goal";
        var streak = score.Streak >= 2 ? $" · 🔥 {score.Streak} in a row" : string.Empty;
        var today = score.SetsToday > 0 && score.SetsToday < goal ? $" · {score.SetsToday}/{goal} today" : string.Empty;
        return $"{points} · {onGoal}{streak}{today}";
    }

    private static string Winners(IReadOnlyList<LeaderboardRow> board)
    {
        var top = board.Where(row => row.Rank == 1 && row.Score.Points > 0).Select(row => row.Score.Name).ToList();
        return top.Count switch
        {
            0 => "Finished — no sets were counted this time",
            1 => $"Finished — well done, {top[0]}!",
            _ => $"Finished — a shared win for {string.Join(" and ", top)}!",
        };
    }
}
