using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>A one-line confirmation or correction; the Domain's `code` spans stay code in mrkdwn.</summary>
internal static class NoticeBlocks
{
    public const string CorrectionMarker = "ℹ️";

    public static IEnumerable<JsonNode> For(NoticeMessage notice) =>
        [Section(notice.IsCorrection ? $"{CorrectionMarker} {Escape(notice.Text)}" : Escape(notice.Text))];
}
