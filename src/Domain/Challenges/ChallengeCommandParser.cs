using System.Globalization;
using System.Text.RegularExpressions;

namespace MicroMove.Domain.Challenges;

/// <summary>
/// Reads the words after <c>challenge</c>. Takes the text as typed (the general parser lower-cases
/// it), so a title keeps its capitals: <c>challenge start Step Up Week days 10 goal 4</c>.
/// Never throws; anything unusable becomes <see cref="ChallengeCommand.NotUnderstood"/>.
/// </summary>
public static partial class ChallengeCommandParser
{
    public const string StartUsage = "challenge start TITLE [days N] [goal N]";

    /// <summary>Parses the full typed text (<c>/micromove challenge …</c>, <c>@MicroMove challenge …</c> or <c>challenge …</c>).</summary>
    public static ChallengeCommand Parse(string? typed)
    {
        var arguments = Arguments(typed ?? string.Empty);
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new ChallengeCommand.Status();
        }

        var rest = string.Join(' ', words.Skip(1));
        return words[0].ToLowerInvariant() switch
        {
            "start" or "new" or "create" => ParseStart(rest),
            "join" or "in" => new ChallengeCommand.Join(),
            "leave" or "quit" or "out" => new ChallengeCommand.Leave(),
            "status" or "show" or "board" or "leaderboard" or "scores" => new ChallengeCommand.Status(),
            "end" or "stop" or "finish" => new ChallengeCommand.End(),
            "help" or "?" => new ChallengeCommand.Help(),
            _ => new ChallengeCommand.NotUnderstood(
                $"I didn't get “challenge {arguments}”. Try challenge start, join, leave, status or end."),
        };
    }

    private static ChallengeCommand ParseStart(string rest)
    {
        var days = ChallengeRules.DefaultDays;
        var goal = ChallengeRules.DefaultDailyGoal;
        var title = rest;

        foreach (Match option in Option().Matches(rest))
        {
            var name = option.Groups["name"].Value.ToLowerInvariant();
            if (!int.TryParse(option.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                number = -1;
            }

            if (name.StartsWith("day", StringComparison.Ordinal))
            {
                if (number is < ChallengeRules.MinDays or > ChallengeRules.MaxDays)
                {
                    return new ChallengeCommand.NotUnderstood(
                        $"A challenge lasts {ChallengeRules.MinDays} to {ChallengeRules.MaxDays} work days — try days {ChallengeRules.DefaultDays}.");
                }

                days = number;
            }
            else
            {
                if (number is < ChallengeRules.MinDailyGoal or > ChallengeRules.MaxDailyGoal)
                {
                    return new ChallengeCommand.NotUnderstood(
                        $"The daily goal is {ChallengeRules.MinDailyGoal} to {ChallengeRules.MaxDailyGoal} sets — short, regular sets beat a lot at once. Try goal {ChallengeRules.DefaultDailyGoal}.");
                }

                goal = number;
            }

            title = title.Replace(option.Value, " ", StringComparison.Ordinal);
        }

        title = CleanTitle(title);
        if (title.Length > ChallengeRules.MaxTitleLength)
        {
            return new ChallengeCommand.NotUnderstood($"Keep the title under {ChallengeRules.MaxTitleLength} characters. Usage: {StartUsage}.");
        }

        return new ChallengeCommand.Start(title.Length == 0 ? ChallengeRules.DefaultTitle : title, days, goal);
    }

    /// <summary>The words after "challenge", as typed.</summary>
    private static string Arguments(string typed)
    {
        var match = Leading().Match(typed.Replace('\u00a0', ' '));
        return match.Success ? match.Groups["rest"].Value.Trim() : string.Empty;
    }

    /// <summary>One line, single spaces, no surrounding quotes, no characters chat clients treat as markup.</summary>
    private static string CleanTitle(string title)
    {
        var plain = Spaces().Replace(title.Replace('*', ' ').Replace('_', ' ').Replace('`', ' ').Replace('~', ' '), " ").Trim();
        return plain.Trim('"', '“', '”', '\'').Trim();
    }

    [GeneratedRegex(@"^\s*(/micromove\s+)?challenges?\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?<![\w])(?<name>days?|goal)\s*[:=]?\s*(?<number>-?\d{1,4})(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Option();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
