using System.Text.Json;

namespace MicroMove.Bot.Teams;

/// <summary>An attachment of an inbound activity (Teams adds a text/html copy of the message).</summary>
internal sealed record ActivityAttachment
{
    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    public JsonElement? Content { get; init; }
}
