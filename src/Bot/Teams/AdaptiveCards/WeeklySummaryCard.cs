using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// The week's figures as a FactSet, the advice as a list and the chart as an Image with alt text.
/// A plain Image rather than Teams' Chart.* elements: those are outside the 1.5 schema and need fallbacks.
/// </summary>
internal static class WeeklySummaryCard
{
    public static IEnumerable<JsonObject> Body(WeeklySummaryMessage summary)
    {
        yield return Heading(summary.Title);
        yield return FactSet(summary.Facts.Select(fact => (fact.Label, fact.Value)));
        if (summary.Advice.Count > 0)
        {
            yield return Text("**What to adjust**", separator: true);
            yield return BulletList(summary.Advice);
        }

        if (summary.ChartUrl is { } chart)
        {
            yield return Image(chart, summary.ChartAltText);
        }
    }
}
