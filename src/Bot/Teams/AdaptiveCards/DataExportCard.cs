using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>The export link as an Action.OpenUrl button (Teams opens it in the browser, which downloads the file).</summary>
internal static class DataExportCard
{
    public static IEnumerable<JsonObject> Body(DataExportMessage export) =>
    [
        Heading(DataExportMessage.Title),
        Text($"{Capitalise(export.Summary)}."),
        Text($"🔒 {export.Advice}", subtle: true),
        ActionSet([new JsonObject
        {
            ["type"] = "Action.OpenUrl",
            ["title"] = SafeText.Truncate(DataExportMessage.LinkLabel, MaxTextLength),
            ["url"] = export.DownloadUrl.AbsoluteUri,
        }]),
    ];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
