using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>A one-line confirmation or correction; the Domain's `code` spans are Markdown code in Teams too.</summary>
internal static class NoticeCard
{
    public const string CorrectionMarker = "ℹ️";

    public static IEnumerable<JsonObject> Body(NoticeMessage notice) =>
        [Text(notice.IsCorrection ? $"{CorrectionMarker} {notice.Text}" : notice.Text)];
}
