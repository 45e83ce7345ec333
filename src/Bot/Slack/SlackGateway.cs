using System.Text.Json.Nodes;
using MicroMove.Bot.Chat;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Slack as a chat gateway: the workspace's bot token (by team id), the person's DM channel
/// (conversations.open, cached, when none is stored yet), then chat.postMessage with the Block Kit
/// rendering and its fallback text. The message reference is <c>{channel}|{ts}</c>, what
/// chat.update needs. Slack's failures become <see cref="SendOutcome"/>s (see <see cref="WhilePosting"/>):
/// a post that may have reached Slack is never reported as retryable.
/// Rate limits: the client paces per method × workspace (× channel for posting) and waits out 429s;
/// here those waits are bounded by <see cref="GatewayLimits.MaxRateLimitWait"/> for the whole send,
/// after which the outcome is RetryLater with the limiter's expected wait, so a delivery never sits
/// in a limiter beyond its lease.
/// </summary>
internal sealed partial class SlackGateway(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlackGateway> logger) : IChatGateway
{
    public const char RefSeparator = '|';

    public ChatPlatform Platform => ChatPlatform.Slack;

    public static string MessageRef(string channel, string ts) => $"{channel}{RefSeparator}{ts}";

    public async Task<SendOutcome> SendAsync(ChatAddress to, BotMessage message, PostingCheckpoint? beforePosting, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + GatewayLimits.MaxRateLimitWait;
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<SlackWebApiClient>();
        var (token, noToken) = await TokenAsync(scope.ServiceProvider, to, cancellationToken);
        if (token is null)
        {
            return Log(to, "send", noToken ?? new SendOutcome.RetryLater(null, "no bot token"));
        }

        var (text, blocks) = Render(message);
        string channel;
        try
        {
            channel = to.ConversationId ?? await api.OpenDirectMessageAsync(token, to.PlatformUserId, Remaining(deadline), cancellationToken);
        }
        catch (SlackApiException exception)
        {
            return Log(to, "send", BeforePosting(exception));
        }

        try
        {
            var posted = await api.PostMessageAsync(token, channel, text, blocks, null, Remaining(deadline), cancellationToken, beforePosting);
            return new SendOutcome.Sent(MessageRef(posted.Channel, posted.Ts), posted.Channel);
        }
        catch (SlackApiException exception)
        {
            if (exception.Kind == SlackErrorKind.Recipient)
            {
                // The cached DM may be what went stale; open it afresh if this person comes back.
                api.ForgetDirectMessage(token.TeamId, to.PlatformUserId);
            }

            return Log(to, "send", WhilePosting(exception));
        }
    }

    /// <summary>chat.update of <c>{channel}|{ts}</c>. Replacing a message is idempotent, so every transient failure is RetryLater.</summary>
    public async Task<SendOutcome> UpdateAsync(ChatAddress to, string messageRef, BotMessage message, CancellationToken cancellationToken)
    {
        if (!TrySplit(messageRef, out var channel, out var ts))
        {
            return Log(to, "update", new SendOutcome.Uncertain($"not a Slack message reference: {messageRef}"));
        }

        var deadline = clock.GetUtcNow() + GatewayLimits.MaxRateLimitWait;
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<SlackWebApiClient>();
        var (token, noToken) = await TokenAsync(scope.ServiceProvider, to, cancellationToken);
        if (token is null)
        {
            return Log(to, "update", noToken ?? new SendOutcome.RetryLater(null, "no bot token"));
        }

        var (text, blocks) = Render(message);
        try
        {
            var updated = await api.UpdateMessageAsync(token, channel, ts, text, blocks, Remaining(deadline), cancellationToken);
            return new SendOutcome.Sent(MessageRef(updated.Channel, updated.Ts), updated.Channel);
        }
        catch (SlackApiException exception)
        {
            return Log(to, "update", WhileUpdating(exception));
        }
    }

    /// <summary>Splits <c>{channel}|{ts}</c>.</summary>
    public static bool TrySplit(string messageRef, out string channel, out string ts)
    {
        var at = messageRef.IndexOf(RefSeparator, StringComparison.Ordinal);
        channel = at > 0 ? messageRef[..at] : string.Empty;
        ts = at > 0 ? messageRef[(at + 1)..] : string.Empty;
        return channel.Length > 0 && ts.Length > 0;
    }

    /// <summary>
    /// Failures before chat.postMessage was called (token lookup's auth.test, conversations.open):
    /// nothing can have been posted, so everything that is not about the workspace or the person is
    /// RetryLater (with Retry-After when rate limited), bounded by the delivery's MaxAttempts.
    /// </summary>
    internal static SendOutcome BeforePosting(SlackApiException failure) => failure.Kind switch
    {
        SlackErrorKind.WorkspaceAccessLost => new SendOutcome.WorkspaceGone(failure.Error),
        SlackErrorKind.Recipient => new SendOutcome.RecipientUnreachable(failure.Error),
        SlackErrorKind.RateLimited => new SendOutcome.RetryLater(failure.RetryAfter ?? SlackWebApiClient.DefaultRetryAfter, failure.Error),
        _ => new SendOutcome.RetryLater(null, failure.Error),
    };

    /// <summary>
    /// Failures of chat.postMessage, which is not idempotent:
    /// <list type="bullet">
    /// <item>429 / ratelimited / rate_limited: refused, not posted → RetryLater(Retry-After).</item>
    /// <item>invalid_auth, token_revoked, account_inactive, not_authed… → WorkspaceGone.</item>
    /// <item>channel_not_found, user_not_found, cannot_dm_bot, is_archived, not_in_channel… → RecipientUnreachable(code).</item>
    /// <item>timeout, 5xx, a connection lost mid-request, a 2xx without ts (MayHaveTakenEffect) → Uncertain: never posted twice.</item>
    /// <item>A connection that failed before the request left (refused, DNS: Transient with no HTTP status and
    /// not MayHaveTakenEffect) → RetryLater.</item>
    /// <item>ok:false internal_error / fatal_error / service_unavailable / request_timeout → Uncertain: Slack documents
    /// that such a call may have partly succeeded.</item>
    /// <item>Configuration (missing_scope, not_allowed_token_type…) → RetryLater: Slack refused it, so nothing was
    /// posted, and an admin can re-grant the scope while the delivery backs off; MaxAttempts bounds the tries.</item>
    /// <item>Other (invalid_blocks, msg_too_long, invalid_arguments…): a deterministic refusal of our payload.
    /// Retrying cannot help and it is neither the person's nor the workspace's fault, so → Uncertain, the one outcome
    /// that fails the delivery without a retry and without marking anyone (the reason says what happened).</item>
    /// </list>
    /// </summary>
    internal static SendOutcome WhilePosting(SlackApiException failure) => failure switch
    {
        { Kind: SlackErrorKind.RateLimited } => new SendOutcome.RetryLater(failure.RetryAfter ?? SlackWebApiClient.DefaultRetryAfter, failure.Error),
        { Kind: SlackErrorKind.WorkspaceAccessLost } => new SendOutcome.WorkspaceGone(failure.Error),
        { Kind: SlackErrorKind.Recipient } => new SendOutcome.RecipientUnreachable(failure.Error),
        { MayHaveTakenEffect: true } => new SendOutcome.Uncertain(failure.Error),
        { Kind: SlackErrorKind.Transient, HttpStatus: null } => new SendOutcome.RetryLater(null, failure.Error),
        { Kind: SlackErrorKind.Configuration } => new SendOutcome.RetryLater(null, failure.Error),
        _ => new SendOutcome.Uncertain(failure.Error),
    };

    /// <summary>
    /// Failures of chat.update: as for posting, except that a repeated update changes nothing, so
    /// transient failures (even those that may have been applied) are RetryLater. message_not_found,
    /// cant_update_message, edit_window_closed… are Other → Uncertain (fail, do not retry).
    /// </summary>
    internal static SendOutcome WhileUpdating(SlackApiException failure) => failure.Kind switch
    {
        SlackErrorKind.Transient => new SendOutcome.RetryLater(null, failure.Error),
        SlackErrorKind.Other when failure.MayHaveTakenEffect => new SendOutcome.RetryLater(null, failure.Error),
        _ => WhilePosting(failure),
    };

    private async Task<(SlackBotToken? Token, SendOutcome? Refused)> TokenAsync(IServiceProvider services, ChatAddress to, CancellationToken cancellationToken)
    {
        try
        {
            // Cached like inbound requests' (dropped on uninstall and revocation); the sender has already
            // checked the workspace row it read with the delivery, so a stale entry cannot outlive an uninstall.
            var token = (await services.GetRequiredService<SlackWorkspaceTokens>().FindInstalledAsync(to.WorkspaceExternalId, null, cancellationToken))?.Token;
            return token is null
                ? (null, new SendOutcome.WorkspaceGone("no usable bot token for this workspace; it must install MicroMove again"))
                : (token, null);
        }
        catch (SlackApiException exception)
        {
            // Single-workspace mode asks auth.test which team the configured token belongs to.
            return (null, BeforePosting(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database or the key ring failed: nothing was sent, try again later.
            LogTokenLookupFailed(logger, exception, to.WorkspaceExternalId);
            return (null, new SendOutcome.RetryLater(null, $"bot token lookup failed ({exception.GetType().Name})"));
        }
    }

    private static (string Text, JsonArray? Blocks) Render(BotMessage message)
    {
        var rendered = BlockKitRenderer.Render(message);
        var text = rendered["text"]?.GetValue<string>() ?? message.FallbackText;
        var blocks = rendered["blocks"]?.AsArray();
        rendered.Remove("blocks");
        return (text, blocks);
    }

    private TimeSpan Remaining(DateTimeOffset deadline)
    {
        var left = deadline - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private SendOutcome Log(ChatAddress to, string operation, SendOutcome outcome)
    {
        switch (outcome)
        {
            case SendOutcome.RetryLater retry:
                LogRetryLater(logger, operation, to.WorkspaceExternalId, to.PersonId, retry.Reason, retry.After);
                break;
            case SendOutcome.Uncertain uncertain:
                LogNotDelivered(logger, operation, to.WorkspaceExternalId, to.PersonId, "uncertain", uncertain.Reason);
                break;
            case SendOutcome.RecipientUnreachable unreachable:
                LogNotDelivered(logger, operation, to.WorkspaceExternalId, to.PersonId, "recipient unreachable", unreachable.Reason);
                break;
            case SendOutcome.WorkspaceGone gone:
                LogNotDelivered(logger, operation, to.WorkspaceExternalId, to.PersonId, "workspace gone", gone.Reason);
                break;
        }

        return outcome;
    }

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Slack {Operation} to person {PersonId} in team {TeamId} postponed: {Reason} (retry after {RetryAfter})")]
    private static partial void LogRetryLater(ILogger logger, string operation, string teamId, Guid personId, string reason, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "Slack {Operation} to person {PersonId} in team {TeamId} not delivered ({Outcome}): {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string operation, string teamId, Guid personId, string outcome, string reason);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Error, Message = "Slack bot token lookup for team {TeamId} failed")]
    private static partial void LogTokenLookupFailed(ILogger logger, Exception exception, string teamId);
}
