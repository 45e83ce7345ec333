using System.Globalization;
using MicroMove.Bot.Rendering;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// The <c>value</c> of a MicroMove button or select option: <c>"{number}|{reference}"</c>, the number
/// empty when the action carries none (<c>"|d-42"</c> for Done, <c>"10|d-42"</c> for Snooze 10 min,
/// <c>"3|d-42"</c> for a rating of 3). The number comes first so a reference may contain any character.
/// Together with the action id the value is self-contained: no block id or message state is needed.
/// </summary>
internal static class SlackActionValue
{
    public const char Separator = '|';

    /// <summary>
    /// Option values are capped at 75 characters (older Slack clients), and the longest number we
    /// put before the reference is a few digits; references are short ids, so 64 leaves room.
    /// </summary>
    public const int MaxReferenceLength = 64;

    public static string Format(string reference, int? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (reference.Length > MaxReferenceLength)
        {
            throw new ArgumentException($"A reference longer than {MaxReferenceLength} characters does not fit a Slack option value.", nameof(reference));
        }

        return $"{value?.ToString(CultureInfo.InvariantCulture)}{Separator}{reference}";
    }

    /// <summary>
    /// Reads a <c>block_actions</c> action back: <paramref name="actionId"/> and the button's
    /// <c>value</c> or the select's <c>selected_option.value</c>.
    /// </summary>
    public static ActionParseResult Parse(string? actionId, string? value)
    {
        if (!SlackActionIds.TryGetKind(actionId, out var kind))
        {
            return ActionParseResult.NotOurs($"'{actionId}' is not a MicroMove action id.");
        }

        if (string.IsNullOrEmpty(value))
        {
            return ActionParseResult.NotOurs($"The {actionId} action has no value.");
        }

        var separator = value.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return ActionParseResult.NotOurs($"'{value}' is not a MicroMove action value.");
        }

        var number = value[..separator];
        if (number.Length == 0)
        {
            return ActionParseResult.Ours(kind.Value, value[(separator + 1)..], null);
        }

        return int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? ActionParseResult.Ours(kind.Value, value[(separator + 1)..], parsed)
            : ActionParseResult.NotOurs($"'{number}' in '{value}' is not a number.");
    }
}
