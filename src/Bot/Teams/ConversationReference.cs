namespace MicroMove.Bot.Teams;

/// <summary>
/// How to reach a Teams conversation later: its id and the service URL it was last seen on,
/// plus who was in it. Taken from validated inbound activities only.
/// </summary>
internal sealed record ConversationReference(
    string ConversationId,
    string ServiceUrl,
    string? TenantId,
    string? UserId,
    string? AadObjectId,
    string? BotId,
    string? ConversationType)
{
    /// <summary>The reference an activity carries, or null when it lacks a conversation id or service URL.</summary>
    public static ConversationReference? From(TeamsActivity activity) =>
        activity.Conversation?.Id is { Length: > 0 } conversationId && activity.ServiceUrl is { Length: > 0 } serviceUrl
            ? new ConversationReference(
                conversationId,
                serviceUrl,
                activity.TenantId,
                activity.From?.Id,
                activity.From?.AadObjectId,
                activity.Recipient?.Id,
                activity.Conversation.ConversationType)
            : null;
}
