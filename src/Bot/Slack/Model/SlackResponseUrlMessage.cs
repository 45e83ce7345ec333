using System.Text.Json.Nodes;

namespace MicroMove.Bot.Slack;

/// <summary>
/// A message posted to a response_url: ResponseType "ephemeral" (default) or "in_channel";
/// ReplaceOriginal edits the source message, DeleteOriginal (alone) removes it.
/// </summary>
internal sealed record SlackResponseUrlMessage
{
    public string? ResponseType { get; init; }

    public string? Text { get; init; }

    public JsonArray? Blocks { get; init; }

    public bool? ReplaceOriginal { get; init; }

    public bool? DeleteOriginal { get; init; }

    public string? ThreadTs { get; init; }
}
