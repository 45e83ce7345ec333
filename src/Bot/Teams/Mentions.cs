namespace MicroMove.Bot.Teams;

/// <summary>Removes <c>&lt;at&gt;…&lt;/at&gt;</c> mentions from message text, as channel and group messages carry them.</summary>
internal static class Mentions
{
    private const string Open = "<at>";
    private const string Close = "</at>";

    /// <summary>
    /// Removes the mention texts of <paramref name="mentionedId"/> (every mention when null) listed
    /// in the mention entities, and trims. Teams' entity text can differ from the message text (a
    /// leading '@', or the bot's old display name after a rename): when a mention of the account
    /// matched nothing, a leading <c>&lt;at&gt;…&lt;/at&gt;</c> is taken to be it.
    /// </summary>
    public static string Strip(string? text, IReadOnlyList<ActivityEntity>? entities, string? mentionedId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = text;
        var unmatched = false;
        foreach (var mention in entities ?? [])
        {
            if (mention.Type != ActivityEntity.MentionType
                || (mentionedId is not null && !string.Equals(mention.Mentioned?.Id, mentionedId, StringComparison.Ordinal)))
            {
                continue;
            }

            var before = result;
            if (!string.IsNullOrEmpty(mention.Text))
            {
                result = result.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }

            if (mention.Mentioned?.Name is { Length: > 0 } name)
            {
                result = result.Replace($"{Open}{name}{Close}", string.Empty, StringComparison.Ordinal);
            }

            unmatched |= ReferenceEquals(before, result) || before == result;
        }

        result = result.Trim();
        if (unmatched && result.StartsWith(Open, StringComparison.Ordinal) && result.IndexOf(Close, StringComparison.Ordinal) is var end and > 0)
        {
            result = result[(end + Close.Length)..].Trim();
        }

        return result;
    }
}
