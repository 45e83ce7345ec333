using MicroMove.Bot.Chat;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Teams as a chat gateway. Sends go to the person's 1:1 conversation: the stored conversation id
/// with the service URL last seen for it (<see cref="TeamsConversationStore"/>); when the person has
/// no 1:1 conversation yet but the tenant's service URL is known, the conversation is created
/// proactively (POST /v3/conversations: idempotent, Teams answers the same id for the same user)
/// and remembered. The message is the Adaptive Card as the only attachment, with the fallback text
/// as the activity's <c>summary</c> (the notification preview) and not as <c>text</c>: Teams splits a
/// message with both text and a card into two, and the second id would be lost for updates.
/// The message reference is <c>{conversationId}|{activityId}</c>; updates PUT that activity.
/// Rate limits: the Connector client paces per tenant and per conversation and waits out 429s;
/// here those waits are bounded by <see cref="GatewayLimits.MaxRateLimitWait"/> for the whole send
/// (create + post), after which the outcome is RetryLater with the expected wait.
/// </summary>
internal sealed partial class TeamsGateway(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TeamsGateway> logger) : IChatGateway
{
    public const char RefSeparator = '|';

    public ChatPlatform Platform => ChatPlatform.Teams;

    public static string MessageRef(string conversationId, string activityId) => $"{conversationId}{RefSeparator}{activityId}";

    public async Task<SendOutcome> SendAsync(ChatAddress to, BotMessage message, PostingCheckpoint? beforePosting, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + GatewayLimits.MaxRateLimitWait;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TeamsConversationStore>();
        var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        var tenantId = to.WorkspaceExternalId;

        var conversation = to.ConversationId is { Length: > 0 } known
            ? await store.FindAsync(known, cancellationToken) ?? Fallback(to, known)
            : await store.FindPersonalAsync(tenantId, to.PlatformUserId, cancellationToken);
        if (conversation is { TenantId: { } owner } && owner != tenantId)
        {
            return Log(to, "send", new SendOutcome.RecipientUnreachable("the stored conversation belongs to another tenant"));
        }

        if (conversation is null)
        {
            var serviceUrl = to.ServiceUrl ?? await store.FindTenantServiceUrlAsync(tenantId, cancellationToken);
            if (serviceUrl is null)
            {
                // Nothing to send to until the person (or anyone in the tenant) talks to the bot or installs it.
                return Log(to, "send", new SendOutcome.RecipientUnreachable("NoConversationReference"));
            }

            var user = new ConversationReference(string.Empty, serviceUrl, tenantId, to.PlatformUserId, null, null, TeamsConversationStore.PersonalConversationType);
            var created = await connector.CreateConversationAsync(user, Remaining(deadline), cancellationToken);
            if (created is not ConnectorSuccess { Id: { Length: > 0 } conversationId })
            {
                // Creating is idempotent and posts nothing: no outcome of it can be a duplicate.
                return Log(to, "create-conversation", created is ConnectorSuccess
                    ? new SendOutcome.RetryLater(null, "create conversation answered no id")
                    : Map(created, update: false));
            }

            conversation = user with { ConversationId = conversationId };
            await store.RememberAsync(conversation, cancellationToken);
        }

        var result = await connector.SendAsync(conversation, Activity(message), Remaining(deadline), cancellationToken, beforePosting);
        return result is ConnectorSuccess success
            ? new SendOutcome.Sent(MessageRef(conversation.ConversationId, success.Id ?? string.Empty), conversation.ConversationId)
            : Log(to, "send", Map(result, update: false));
    }

    /// <summary>PUTs the card over activity <c>{conversationId}|{activityId}</c>; a PUT is idempotent, so transient failures are RetryLater.</summary>
    public async Task<SendOutcome> UpdateAsync(ChatAddress to, string messageRef, BotMessage message, CancellationToken cancellationToken)
    {
        if (!TrySplit(messageRef, out var conversationId, out var activityId))
        {
            return Log(to, "update", new SendOutcome.Uncertain($"not a Teams message reference: {messageRef}"));
        }

        var deadline = clock.GetUtcNow() + GatewayLimits.MaxRateLimitWait;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TeamsConversationStore>();
        var conversation = await store.FindAsync(conversationId, cancellationToken) ?? Fallback(to, conversationId);
        if (conversation is null || (conversation.TenantId is { } owner && owner != to.WorkspaceExternalId))
        {
            return Log(to, "update", new SendOutcome.RecipientUnreachable("NoConversationReference"));
        }

        var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        var result = await connector.UpdateAsync(conversation, activityId, Activity(message), Remaining(deadline), cancellationToken);
        return result is ConnectorSuccess
            ? new SendOutcome.Sent(messageRef, conversationId)
            : Log(to, "update", Map(result, update: true));
    }

    /// <summary>Splits <c>{conversationId}|{activityId}</c> at the last separator (Teams ids use ':', ';', '@', '=' but not '|').</summary>
    public static bool TrySplit(string messageRef, out string conversationId, out string activityId)
    {
        var at = messageRef.LastIndexOf(RefSeparator);
        conversationId = at > 0 ? messageRef[..at] : string.Empty;
        activityId = at > 0 ? messageRef[(at + 1)..] : string.Empty;
        return conversationId.Length > 0 && activityId.Length > 0;
    }

    /// <summary>
    /// What a Connector answer means for the delivery:
    /// <list type="bullet">
    /// <item><see cref="RecipientUnreachable"/> (blocked, not in roster, disabled, conversation gone) → RecipientUnreachable.</item>
    /// <item><see cref="ConnectorSendUncertain"/> (a POST that timed out or got a 5xx) → Uncertain: never resent.</item>
    /// <item>Retryable <see cref="ConnectorFailure"/> (429 with its Retry-After, 412, our limiter, token endpoint, a connection
    /// refused before sending, 5xx on an idempotent call) → RetryLater: the client reports a possibly applied POST as
    /// uncertain instead, so a retryable failure was not applied.</item>
    /// <item>401 after a fresh token (BotNotRegistered, wrong secret) → RetryLater: our credentials, every tenant at once,
    /// not the person; nothing was applied and a fixed secret recovers within the delivery's attempts.</item>
    /// <item>Other 403 / 404 (InvalidBotApiHost, unknown roster codes, a stale conversation id) and an untrusted or invalid
    /// service URL → RecipientUnreachable: Teams will not take messages for this conversation until the person talks to
    /// the bot again. Except on update, 404 ActivityNotFoundInConversation: the message is gone, not the person → Uncertain.</item>
    /// <item>Anything else (400 BadArgument/BadSyntax, 413 MessageSizeTooBig…): our payload; retrying cannot help and it is not
    /// the person's fault → Uncertain, which fails the delivery without a retry and without marking anyone.</item>
    /// </list>
    /// </summary>
    internal static SendOutcome Map(ConnectorResult result, bool update) => result switch
    {
        ConnectorSuccess => throw new ArgumentException("a success is not a failure", nameof(result)),
        RecipientUnreachable unreachable => new SendOutcome.RecipientUnreachable(unreachable.Reason),
        ConnectorSendUncertain uncertain => new SendOutcome.Uncertain(uncertain.Reason),
        ConnectorFailure { Retryable: true } failure => new SendOutcome.RetryLater(failure.RetryAfter, failure.Code),
        ConnectorFailure { StatusCode: 401 } failure => new SendOutcome.RetryLater(null, failure.Code),
        ConnectorFailure { StatusCode: 404, Code: "ActivityNotFoundInConversation" } failure when update => new SendOutcome.Uncertain(failure.Code),
        ConnectorFailure { StatusCode: 403 or 404 } failure => new SendOutcome.RecipientUnreachable(failure.Code),
        ConnectorFailure { Code: "UntrustedServiceUrl" or "InvalidServiceUrl" } failure => new SendOutcome.RecipientUnreachable(failure.Code),
        ConnectorFailure failure => new SendOutcome.Uncertain(failure.Code),
        _ => new SendOutcome.Uncertain(result.GetType().Name),
    };

    /// <summary>The card as the one attachment, the fallback text as the notification summary.</summary>
    internal static OutboundActivity Activity(BotMessage message)
    {
        // A fresh card per message: the activity may hold it as it is.
        return new OutboundActivity
        {
            Summary = message.FallbackText,
            Attachments = [new OutboundAttachment { ContentType = TeamsCardEnvelope.CardContentType, Content = AdaptiveCardRenderer.Render(message) }],
        };
    }

    /// <summary>A conversation the store does not know, on the service URL stored with the person (the client still refuses untrusted URLs).</summary>
    private static ConversationReference? Fallback(ChatAddress to, string conversationId) =>
        to.ServiceUrl is { Length: > 0 } serviceUrl
            ? new ConversationReference(conversationId, serviceUrl, to.WorkspaceExternalId, to.PlatformUserId, null, null, TeamsConversationStore.PersonalConversationType)
            : null;

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

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Teams {Operation} to person {PersonId} in tenant {TenantId} postponed: {Reason} (retry after {RetryAfter})")]
    private static partial void LogRetryLater(ILogger logger, string operation, string tenantId, Guid personId, string reason, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Warning, Message = "Teams {Operation} to person {PersonId} in tenant {TenantId} not delivered ({Outcome}): {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string operation, string tenantId, Guid personId, string outcome, string reason);
}
