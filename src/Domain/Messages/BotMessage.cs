namespace MicroMove.Domain.Messages;

/// <summary>
/// Something the bot says, independent of any chat platform: what to show and which
/// actions exist. The Slack and Teams renderers decide how it looks.
/// </summary>
public abstract record BotMessage
{
    /// <summary>Plain text for notifications, screen readers and clients that show no cards.</summary>
    public abstract string FallbackText { get; }
}
