namespace MicroMove.Bot.Slack;

/// <summary>Tokens were revoked; the lists hold user ids (not tokens). With bot ids the workspace row is already deactivated.</summary>
internal sealed record SlackTokensRevokedEvent(
    SlackEventContext Context,
    IReadOnlyList<string> BotUserIds,
    IReadOnlyList<string> OAuthUserIds) : SlackEvent(Context);
