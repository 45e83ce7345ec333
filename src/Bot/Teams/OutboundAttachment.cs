using System.Text.Json;

namespace MicroMove.Bot.Teams;

/// <summary>An attachment of an outbound activity, e.g. an Adaptive Card.</summary>
internal sealed record OutboundAttachment
{
    public required string ContentType { get; init; }

    public JsonElement? Content { get; init; }
}
