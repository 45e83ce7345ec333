namespace MicroMove.Bot.Slack;

/// <summary>response_metadata {messages, warnings, next_cursor}.</summary>
internal sealed class SlackResponseMetadataWire
{
    public List<string>? Messages { get; init; }

    public List<string>? Warnings { get; init; }

    public string? NextCursor { get; init; }
}
