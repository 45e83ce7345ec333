using System.Text.Json.Nodes;
using System.Text.Json;

namespace MicroMove.Bot.Teams;

/// <summary>
/// An activity the bot sends (POST) or replaces (PUT). Keep text and a card in separate
/// activities: Teams splits a message with both and the second id is lost for updates.
/// </summary>
internal sealed record OutboundActivity
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string Type { get; init; } = ActivityTypes.Message;

    /// <summary>The activity being replaced (PUT) — filled in by the client.</summary>
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    /// <summary>Notification preview text.</summary>
    public string? Summary { get; init; }

    public string? ReplyToId { get; init; }

    public IReadOnlyList<OutboundAttachment>? Attachments { get; init; }

    public JsonElement? ChannelData { get; init; }

    public static OutboundActivity FromText(string text) => new() { Text = text, TextFormat = "markdown" };

    public static OutboundActivity FromCard(JsonNode card, string? summary = null) =>
        new() { Summary = summary, Attachments = [new OutboundAttachment { ContentType = AdaptiveCardContentType, Content = card }] };
}
