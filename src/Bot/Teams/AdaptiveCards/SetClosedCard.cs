using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>A prompt replaced after Skip or Snooze: no buttons left, so it cannot be answered twice.</summary>
internal static class SetClosedCard
{
    public static IEnumerable<JsonObject> Body(SetClosedMessage closed) =>
        [Heading(closed.Title), Text(closed.Outcome)];
}
