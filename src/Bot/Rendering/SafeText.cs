using System.Globalization;

namespace MicroMove.Bot.Rendering;

/// <summary>Shortens text to a platform limit without breaking a character apart.</summary>
internal static class SafeText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Returns <paramref name="text"/> if it fits in <paramref name="maxLength"/> UTF-16 units, else
    /// the longest run of whole text elements that fits with "…" after it. Cutting on text elements
    /// keeps surrogate pairs (emoji) and combining marks whole; Slack would reject a lone surrogate.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var budget = maxLength - Ellipsis.Length;
        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > budget)
            {
                break;
            }

            end = next;
        }

        return string.Concat(text.AsSpan(0, end), Ellipsis);
    }
}
