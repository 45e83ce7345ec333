using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>What MicroMove does, its commands and the replies it understands, each usage as code.</summary>
internal static class HelpBlocks
{
    public static IEnumerable<JsonNode> For(HelpMessage help) =>
    [
        Header("MicroMove help"),
        Section(Escape(help.Intro)),
        Section($"*Commands*\n{Lines(help.Commands)}"),
        Section($"*Replies to a prompt*\n{Lines(help.Replies)}"),
    ];

    private static string Lines(IEnumerable<HelpEntry> entries) =>
        string.Join('\n', entries.Select(entry => $"`{Escape(entry.Usage)}` — {Escape(entry.Meaning)}"));
}
