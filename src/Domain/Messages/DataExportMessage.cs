using System.Globalization;

namespace MicroMove.Domain.Messages;

/// <summary>
/// The answer to <c>export</c>: a private download link to everything MicroMove holds about the
/// person, how long it works, and one line on what is in it ("42 sets logged since 3 Nov 2026").
/// </summary>
public sealed record DataExportMessage(Uri DownloadUrl, TimeSpan ValidFor, string Summary) : BotMessage
{
    public const string Title = "Your MicroMove data";

    public const string LinkLabel = "Download your data (JSON)";

    public override string FallbackText => $"{Title}: {Summary}. Download it within {Validity}: {DownloadUrl.AbsoluteUri}";

    /// <summary>"The link works for 1 hour and only for you: don't share it."</summary>
    public string Validity => Describe(ValidFor);

    public string Advice => $"The link works for {Validity}. Anyone with it can download the file, so don't share it; type export again for a new one.";

    /// <summary>"1 hour", "2 hours", "30 minutes".</summary>
    public static string Describe(TimeSpan span)
    {
        var culture = CultureInfo.InvariantCulture;
        if (span.TotalMinutes < 60 || span.Minutes != 0)
        {
            var minutes = (int)Math.Round(span.TotalMinutes);
            return minutes == 1 ? "1 minute" : $"{minutes.ToString(culture)} minutes";
        }

        var hours = (int)span.TotalHours;
        return hours == 1 ? "1 hour" : $"{hours.ToString(culture)} hours";
    }

    /// <summary>"42 sets logged since 3 Nov 2026", "1 set logged on 3 Nov 2026", or "nothing logged yet".</summary>
    public static string Summarise(int setsLogged, DateOnly? firstSet)
    {
        if (setsLogged == 0 || firstSet is not { } first)
        {
            return "nothing logged yet — the file holds your profile and schedule";
        }

        var day = first.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return setsLogged == 1 ? $"1 set logged, on {day}" : $"{setsLogged.ToString(CultureInfo.InvariantCulture)} sets logged since {day}";
    }
}
