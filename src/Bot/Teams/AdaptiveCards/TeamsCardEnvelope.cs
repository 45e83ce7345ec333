using System.Text;
using System.Text.Json.Nodes;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// Puts a card where Bot Framework expects it: as a message attachment, or as the body of the HTTP 200
/// answering an <c>adaptiveCard/action</c> invoke (which replaces the card for the user who clicked).
/// </summary>
internal static class TeamsCardEnvelope
{
    /// <summary>The SDKs' string; some docs print "vnd.microsoft.adaptive.card", which Teams does not accept.</summary>
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Observed limit for a card in Teams (teams-protocol.md §8.1); the whole message may be larger.</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>An item for <c>activity.attachments</c>; the card is copied, so the caller may reuse it.</summary>
    public static JsonObject Attachment(JsonObject card) => new()
    {
        ["contentType"] = CardContentType,
        ["content"] = card.DeepClone(),
    };

    /// <summary>The invoke response body: <c>{ statusCode: 200, type, value: card }</c>.</summary>
    public static JsonObject InvokeResponse(JsonObject card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = CardContentType,
        ["value"] = card.DeepClone(),
    };

    /// <summary>The card's size on the wire, to compare with <see cref="MaxCardBytes"/>.</summary>
    public static int SizeInBytes(JsonObject card) => Encoding.UTF8.GetByteCount(card.ToJsonString());
}
