using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>The week's figures as two-column fields, the advice as a list, and the chart when there is one.</summary>
internal static class WeeklySummaryBlocks
{
    public const string ChartTitle = "Your week";

    public static IEnumerable<JsonNode> For(WeeklySummaryMessage summary)
    {
        yield return Header(summary.Title);
        foreach (var chunk in summary.Facts.Chunk(BlockKitLimits.FieldsPerSection))
        {
            yield return Fields(chunk.Select(fact => $"*{Escape(fact.Label)}*\n{Escape(fact.Value)}"));
        }

        if (summary.Advice.Count > 0)
        {
            yield return Section($"*What to adjust*\n{string.Join('\n', summary.Advice.Select(a => $"• {Escape(a)}"))}");
        }

        if (summary.ChartUrl is { } chart)
        {
            yield return Image(chart, summary.ChartAltText, ChartTitle);
        }
    }
}
