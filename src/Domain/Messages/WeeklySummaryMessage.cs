using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Messages;

/// <summary>
/// The weekly summary (or "this week so far" for <c>stats</c>): the week's figures, the
/// adjustment advice and, when one was rendered, a chart of the week.
/// </summary>
public sealed record WeeklySummaryMessage(
    string Title,
    IReadOnlyList<SummaryFact> Facts,
    IReadOnlyList<string> Advice,
    Uri? ChartUrl,
    string ChartAltText) : BotMessage
{
    public override string FallbackText =>
        $"{Title}: {string.Join("; ", Facts.Select(f => $"{f.Label} {f.Value}"))}. {string.Join(" ", Advice)}";

    public static WeeklySummaryMessage For(WeeklyStatistics week, IReadOnlyList<Advice> advice, Uri? chartUrl, bool soFar)
    {
        var culture = CultureInfo.InvariantCulture;
        var title = soFar
            ? "Your week so far"
            : $"Your week {week.FirstDay.ToString("d MMM", culture)}–{week.LastDay.ToString("d MMM", culture)}";
        var facts = new List<SummaryFact>
        {
            new("Sets done", week.InstantSetsDone > 0 ? $"{week.SetsDone} ({week.InstantSetsDone} on demand)" : $"{week.SetsDone}"),
            new("Completion", week.CompletionRate is { } rate
                ? $"{week.PromptedSetsDone} of {week.SetsPrompted} prompts ({rate.ToString("P0", culture)})"
                : "no prompts yet"),
            new("Streak", $"{Days(week.CurrentStreak)} (best {Days(week.BestStreak)})"),
            new("Fatigue", FatigueText(week, culture)),
            new("By region", string.Join(" · ", Enum.GetValues<BodyRegion>().Select(r =>
                $"{MovementInstruction.RegionName(r)} {week.SetsPerRegion.GetValueOrDefault(r)}"))),
        };
        if (week.TightestRegion is { } tight)
        {
            facts.Add(new("Tightest", $"{MovementInstruction.RegionName(tight.Region)} ({TrendText(tight.Trend)})"));
        }

        return new WeeklySummaryMessage(
            title,
            facts,
            [.. advice.Select(a => a.Text)],
            chartUrl,
            "Chart of the week: fatigue before and after each day, and sets per region.");
    }

    private static string Days(int days) => days == 1 ? "1 work day" : $"{days} work days";

    private static string FatigueText(WeeklyStatistics week, CultureInfo culture) =>
        (week.AverageFatigueBefore, week.AverageFatigueAfter, week.AverageFatigueChange) switch
        {
            ({ } before, { } after, { } change) =>
                $"{before.ToString("0.0", culture)} before → {after.ToString("0.0", culture)} after ({change.ToString("+0.0;−0.0;±0.0", culture)})",
            (_, { } after, _) => $"{after.ToString("0.0", culture)} after a set",
            _ => "not rated yet",
        };

    private static string TrendText(TightnessTrend trend) => trend switch
    {
        TightnessTrend.Improving => "easing",
        TightnessTrend.Worsening => "getting tighter",
        TightnessTrend.Steady => "steady",
        _ => "new this week",
    };
}
