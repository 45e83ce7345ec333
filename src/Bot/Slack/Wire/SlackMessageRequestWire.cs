using System.Text.Json.Nodes;

namespace MicroMove.Bot.Slack;

/// <summary>Body of chat.postMessage, chat.update and chat.postEphemeral (nulls are left out).</summary>
internal sealed class SlackMessageRequestWire
{
    public required string Channel { get; init; }

    public string? User { get; init; }

    public string? Ts { get; init; }

    public string? Text { get; init; }

    public JsonArray? Blocks { get; init; }

    public string? ThreadTs { get; init; }
}
