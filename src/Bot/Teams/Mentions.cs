namespace MicroMove.Bot.Teams;

/// <summary>Removes <c>&lt;at&gt;…&lt;/at&gt;</c> mentions from message text, as channel and group messages carry them.</summary>
internal static class Mentions
{
    /// <summary>
    /// Removes the mention texts of <paramref name="mentionedId"/> (every mention when null) found
    /// in the mention entities, then any <c>&lt;at&gt;…&lt;/at&gt;</c> left for that account, and trims.
    /// </summary>
    public static string Strip(string? text, IReadOnlyList<ActivityEntity>? entities, string? mentionedId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = text;
        foreach (var mention in entities ?? [])
        {
            if (mention.Type != ActivityEntity.MentionType || string.IsNullOrEmpty(mention.Text))
            {
                continue;
            }

            if (mentionedId is null || string.Equals(mention.Mentioned?.Id, mentionedId, StringComparison.Ordinal))
            {
                result = result.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
                if (mention.Mentioned?.Name is { Length: > 0 } name)
                {
                    // Teams' entity text and message text sometimes differ by a leading '@'.
                    result = result.Replace($"<at>{name}</at>", string.Empty, StringComparison.Ordinal);
                }
            }
        }

        return result.Trim();
    }
}
