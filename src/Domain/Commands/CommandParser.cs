using System.Globalization;
using System.Text.RegularExpressions;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Commands;

/// <summary>
/// Reads what a person typed — the text of <c>/micromove …</c>, an @mention with the mention
/// removed, or a reply in the DM — into a <see cref="ChatCommand"/>. Never throws: anything
/// it cannot use becomes <see cref="ChatCommand.NotUnderstood"/> with a friendly correction.
/// </summary>
public static partial class CommandParser
{
    public const int DefaultSnoozeMinutes = 10;
    public const int LongestSnoozeMinutes = 240;

    private const string RatingHint = "Fatigue is rated 1 (fresh) to 5 (very tired)";

    public static ChatCommand Parse(string? text)
    {
        var words = Normalise(text);
        if (words.Length == 0)
        {
            return new ChatCommand.Help();
        }

        var rest = string.Join(' ', words.Skip(1));
        return words[0] switch
        {
            "now" or "move" or "set" => ParseNow(rest),
            "pause" => ParsePause(rest),
            "resume" or "unpause" => new ChatCommand.Resume(),
            "schedule" or "settings" => new ChatCommand.Schedule(),
            "stats" or "week" => new ChatCommand.Stats(),
            "log" or "history" => new ChatCommand.Log(),
            "export" => new ChatCommand.Export(),
            "delete-my-data" or "delete" => rest is "" or "my data" or "my-data" or "data"
                ? new ChatCommand.DeleteMyData()
                : Unknown(text),
            "help" or "?" => new ChatCommand.Help(),
            "challenge" or "challenges" => new ChatCommand.Challenge(rest),
            "done" or "did" or "✓" or "✅" => ParseDone(words.Skip(1).ToArray()),
            "skip" => new ChatCommand.Skip(),
            "snooze" or "later" => ParseSnooze(rest),
            _ => ParseRatings(string.Join(' ', words)) ?? Unknown(text),
        };
    }

    private static ChatCommand ParseNow(string rest)
    {
        if (rest.Length == 0)
        {
            return new ChatCommand.Now(null);
        }

        if (rest is "meeting" or "pre-meeting" or "premeeting")
        {
            return new ChatCommand.Now(null, RoutineKind.PreMeeting);
        }

        return SetFocus.TryParse(rest, out var focus)
            ? new ChatCommand.Now(focus)
            : new ChatCommand.NotUnderstood(
                $"I don't know the region “{rest}”. Try now upper, lower, spine, neck, shoulders, hips, legs, back or meeting — or just now.");
    }

    private static ChatCommand ParsePause(string rest)
    {
        const string Hint = "Try pause 30m, pause 2h, pause today or pause until monday.";
        if (rest is "" or "today" or "for today")
        {
            return new ChatCommand.Pause(PauseLength.RestOfToday);
        }

        var until = UntilDay().Match(rest);
        if (until.Success)
        {
            return TryParseDay(until.Groups["day"].Value, out var day)
                ? new ChatCommand.Pause(PauseLength.Until(day))
                : new ChatCommand.NotUnderstood($"I don't know the day “{until.Groups["day"].Value}”. {Hint}");
        }

        var duration = Duration().Match(rest);
        if (!duration.Success)
        {
            return new ChatCommand.NotUnderstood($"I didn't get how long to pause (“{rest}”). {Hint}");
        }

        var amount = double.Parse(duration.Groups["amount"].Value, CultureInfo.InvariantCulture);
        var length = duration.Groups["unit"].Value[0] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        if (length < PauseLength.Shortest || length > PauseLength.Longest)
        {
            return new ChatCommand.NotUnderstood(
                $"A pause lasts from {PauseLength.Shortest.TotalMinutes:0} minutes to {PauseLength.Longest.TotalDays:0} days. {Hint}");
        }

        return new ChatCommand.Pause(PauseLength.For(length));
    }

    private static ChatCommand ParseDone(string[] numbers)
    {
        if (numbers.Length == 0)
        {
            return new ChatCommand.Done(null, null);
        }

        return ParseRatings(string.Join(' ', numbers)) ?? new ChatCommand.NotUnderstood(
            $"{RatingHint}: reply done, done 4 (how you feel now) or 2 4 (before and after).");
    }

    /// <summary>"4" (after), "2 4", "2→4", "2->4", "2 to 4" (before and after); null when it is not ratings at all.</summary>
    private static ChatCommand? ParseRatings(string text)
    {
        var match = Ratings().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var hasSecond = match.Groups["second"].Success;
        var second = hasSecond ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (!FatigueRating.TryCreate(first, out var firstRating) || (hasSecond && !FatigueRating.TryCreate(second, out _)))
        {
            var wrong = !FatigueRating.TryCreate(first, out _) ? first : second;
            return new ChatCommand.NotUnderstood($"{RatingHint}, so {wrong} is off the scale. Try done 3, or 2 4 for before and after.");
        }

        return hasSecond
            ? new ChatCommand.Done(firstRating, FatigueRating.Create(second))
            : new ChatCommand.Done(null, firstRating);
    }

    private static ChatCommand ParseSnooze(string rest)
    {
        if (rest.Length == 0)
        {
            return new ChatCommand.Snooze(DefaultSnoozeMinutes);
        }

        var match = SnoozeMinutes().Match(rest);
        if (!match.Success || !int.TryParse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture, out var minutes))
        {
            return new ChatCommand.NotUnderstood($"Snooze takes minutes: snooze 15 (or just snooze for {DefaultSnoozeMinutes}).");
        }

        return minutes is >= 1 and <= LongestSnoozeMinutes
            ? new ChatCommand.Snooze(minutes)
            : new ChatCommand.NotUnderstood($"Snooze for 1 to {LongestSnoozeMinutes} minutes — for longer, try pause 2h.");
    }

    private static ChatCommand.NotUnderstood Unknown(string? text) => new(
        $"I didn't get “{(text ?? string.Empty).Trim()}”. Reply done, done 4, 2 4, skip or snooze 15 — or try now, pause, stats or help.");

    private static bool TryParseDay(string word, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString().ToLowerInvariant();
            if (word.Length >= 3 && name.StartsWith(word, StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    /// <summary>Lower case, single spaces, no leading slash or bot name, arrows made plain.</summary>
    private static string[] Normalise(string? text)
    {
        var cleaned = (text ?? string.Empty).Trim().ToLowerInvariant()
            .Replace('\u00a0', ' ')
            .Replace("/micromove", string.Empty, StringComparison.Ordinal);
        return cleaned.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"^until (?<day>[a-z]+)$")]
    private static partial Regex UntilDay();

    [GeneratedRegex(@"^(for )?(?<amount>\d{1,4}(\.\d+)?) ?(?<unit>m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?<first>-?\d+)(\s*(→|->|>|to|\s)\s*(?<second>-?\d+))?$")]
    private static partial Regex Ratings();

    [GeneratedRegex(@"^(for )?(?<minutes>\d{1,4}) ?(m|min|mins|minutes?)?$")]
    private static partial Regex SnoozeMinutes();
}
