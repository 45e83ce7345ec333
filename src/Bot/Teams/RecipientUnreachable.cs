namespace MicroMove.Bot.Teams;

/// <summary>
/// Teams refuses to deliver to this recipient: <see cref="Reason"/> is Teams' code
/// (<c>BotNotInConversationRoster</c>, <c>ConversationBlockedByUser</c>, <c>BotDisabledByAdmin</c>,
/// <c>MessageWritesBlocked</c>, <c>ConversationNotFound</c>…). Mark the reference inactive until the
/// person interacts again or the app is reinstalled.
/// </summary>
internal sealed record RecipientUnreachable(string Reason, int StatusCode) : ConnectorResult;
