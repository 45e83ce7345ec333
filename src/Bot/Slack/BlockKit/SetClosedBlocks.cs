using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>A prompt replaced after Skip or Snooze: no buttons left, so it cannot be answered twice.</summary>
internal static class SetClosedBlocks
{
    public static IEnumerable<JsonNode> For(SetClosedMessage closed) =>
        [Section($"*{Escape(closed.Title)}*\n{Escape(closed.Outcome)}")];
}
