using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// The export link as a mrkdwn link rather than a URL button: a URL button also sends an
/// interaction to the app, which would have nothing to do with it.
/// </summary>
internal static class DataExportBlocks
{
    public static IEnumerable<JsonNode> For(DataExportMessage export) =>
    [
        Header(DataExportMessage.Title),
        Section($"*<{Escape(export.DownloadUrl.AbsoluteUri)}|{LinkLabel(DataExportMessage.LinkLabel)}>*\n{Escape(Capitalise(export.Summary))}."),
        Context($"🔒 {Escape(export.Advice)}"),
    ];

    /// <summary>In a &lt;url|label&gt; link the label ends at '&gt;', so it may hold no markup characters.</summary>
    private static string LinkLabel(string label) => Escape(label).Replace("|", "¦", StringComparison.Ordinal);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
