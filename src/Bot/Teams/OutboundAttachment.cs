using System.Text.Json.Nodes;

namespace MicroMove.Bot.Teams;

/// <summary>An attachment of an outbound activity, e.g. an Adaptive Card.</summary>
internal sealed record OutboundAttachment
{
    public required string ContentType { get; init; }

    /// <summary>The card as rendered: written to the request as it is, never parsed or copied on the way.</summary>
    public JsonNode? Content { get; init; }
}
