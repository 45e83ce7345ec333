namespace MicroMove.Bot.Chat;

/// <summary>What happened to a send or update, in terms the delivery worker can act on.</summary>
internal abstract record SendOutcome
{
    /// <summary>Delivered; <see cref="MessageRef"/> lets the message be updated in place later.</summary>
    public sealed record Sent(string MessageRef, string? ConversationId) : SendOutcome;

    /// <summary>Not delivered and safe to try again: rate limited, or failed before anything reached the platform.</summary>
    public sealed record RetryLater(TimeSpan? After, string Reason) : SendOutcome;

    /// <summary>
    /// The platform may or may not have posted it (a timeout or 5xx on a non-idempotent POST):
    /// never sent again, so nobody gets the same prompt twice.
    /// </summary>
    public sealed record Uncertain(string Reason) : SendOutcome;

    /// <summary>This person cannot be reached (bot blocked, uninstalled for them, user gone).</summary>
    public sealed record RecipientUnreachable(string Reason) : SendOutcome;

    /// <summary>The whole workspace revoked or uninstalled the bot.</summary>
    public sealed record WorkspaceGone(string Reason) : SendOutcome;
}
