namespace MicroMove.Bot.Slack;

/// <summary>Where a block action happened: Type "message" (ChannelId + MessageTs) or "view" (ViewId).</summary>
internal sealed record SlackContainer(
    string Type,
    string? ChannelId,
    string? MessageTs,
    string? ViewId,
    bool IsEphemeral);
