using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.RateLimiting;
using MicroMove.Bot.Chat;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Bot Connector REST (v3) for Teams: create a 1:1 conversation, send, reply, update. Calls go only
/// to service URLs seen in validated inbound activities, under <see cref="ConnectorRateLimiter"/>.
/// Retries only what cannot duplicate a message: 429 (after Retry-After) and 412 for everything;
/// 502/503/504 and timeouts only for idempotent calls (PUT update, create conversation — Teams
/// returns the same conversation for the same user). A send POST that timed out or got a 5xx is
/// reported as <see cref="ConnectorSendUncertain"/>, never resent here.
/// With a <c>maxRateLimitWait</c>, the time spent waiting for the local limiter and for Retry-After
/// or backoff pauses is bounded: when a wait would go past it, the call returns a retryable
/// <see cref="ConnectorFailure"/> with <see cref="ConnectorFailure.RetryAfter"/> instead (nothing applied).
/// Every request, after the caller's checkpoint and right before it leaves, also takes the tenant's posting slot
/// (<see cref="ConnectorRateLimiter.AcquirePostingSlotAsync"/>); that wait is not bounded by <c>maxRateLimitWait</c>
/// (see <see cref="WaitForPostingSlotAsync"/>).
/// </summary>
internal sealed class ConnectorClient(
    HttpClient http,
    BotTokenProvider tokens,
    ConnectorRateLimiter limiter,
    TrustedServiceUrls trustedServiceUrls,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>The code of a send its caller's <see cref="PostingCheckpoint"/> called off: nothing was posted.</summary>
    public const string CheckpointRefused = "CheckpointRefused";
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LocalRetryAfter = TimeSpan.FromSeconds(1);
    private const int MaxErrorBodyChars = 16 * 1024;

    private static readonly HashSet<string> UnreachableCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster",
        "ConversationBlockedByUser",
        "BotDisabledByAdmin",
        "MessageWritesBlocked",
        "ConversationNotFound",
    };

    /// <summary>Opens (or finds: Teams answers the same id again) the 1:1 conversation with <paramref name="user"/>'s <c>UserId</c>.</summary>
    public Task<ConnectorResult> CreateConversationAsync(ConversationReference user, CancellationToken cancellationToken) =>
        CreateConversationAsync(user, null, cancellationToken);

    /// <summary>Create conversation with bounded rate-limit waits (see the class remarks).</summary>
    public Task<ConnectorResult> CreateConversationAsync(ConversationReference user, TimeSpan? maxRateLimitWait, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(user.UserId) || string.IsNullOrEmpty(user.TenantId))
        {
            return Task.FromResult<ConnectorResult>(new ConnectorFailure(null, "BadArgument", "a 1:1 conversation needs the user id and tenant id", false));
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = $"28:{options.Value.AppId}" },
            Members = [new ChannelAccount { Id = user.UserId }],
            TenantId = user.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TeamsTenantInfo { Id = user.TenantId } },
        };
        return CallAsync(
            new Call("create-conversation", HttpMethod.Post, user.ServiceUrl, "v3/conversations", Idempotent: true, new ConnectorTarget(user.TenantId, null)),
            () => JsonContent.Create(parameters, TeamsJsonContext.Default.ConversationParameters),
            Deadline(maxRateLimitWait),
            cancellationToken);
    }

    /// <summary>Posts a new activity to the conversation; the result's id is needed to update it later.</summary>
    public Task<ConnectorResult> SendAsync(ConversationReference conversation, OutboundActivity activity, CancellationToken cancellationToken) =>
        SendAsync(conversation, activity, null, cancellationToken);

    /// <summary>
    /// Send with bounded rate-limit waits (see the class remarks). <paramref name="beforePosting"/> runs after the
    /// waits, right before each POST; when it answers false nothing is posted (a <see cref="CheckpointRefused"/> failure).
    /// </summary>
    public Task<ConnectorResult> SendAsync(
        ConversationReference conversation, OutboundActivity activity, TimeSpan? maxRateLimitWait, CancellationToken cancellationToken, PostingCheckpoint? beforePosting = null) =>
        CallAsync(
            new Call("send", HttpMethod.Post, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities", Idempotent: false, TargetOf(conversation)),
            () => JsonContent.Create(activity, TeamsJsonContext.Default.OutboundActivity),
            Deadline(maxRateLimitWait),
            cancellationToken,
            beforePosting);

    /// <summary>Posts a reply to <paramref name="replyToId"/> (in a channel: into its thread).</summary>
    public Task<ConnectorResult> ReplyAsync(ConversationReference conversation, string replyToId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        var reply = activity with { ReplyToId = replyToId };
        return CallAsync(
            new Call("reply", HttpMethod.Post, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(replyToId)}", Idempotent: false, TargetOf(conversation)),
            () => JsonContent.Create(reply, TeamsJsonContext.Default.OutboundActivity),
            null,
            cancellationToken);
    }

    /// <summary>Replaces activity <paramref name="activityId"/> (e.g. a prompt card after "Done"); safe to retry.</summary>
    public Task<ConnectorResult> UpdateAsync(ConversationReference conversation, string activityId, OutboundActivity activity, CancellationToken cancellationToken) =>
        UpdateAsync(conversation, activityId, activity, null, cancellationToken);

    /// <summary>Update with bounded rate-limit waits (see the class remarks).</summary>
    public Task<ConnectorResult> UpdateAsync(
        ConversationReference conversation, string activityId, OutboundActivity activity, TimeSpan? maxRateLimitWait, CancellationToken cancellationToken)
    {
        var replacement = activity with { Id = activityId };
        return CallAsync(
            new Call("update", HttpMethod.Put, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}", Idempotent: true, TargetOf(conversation)),
            () => JsonContent.Create(replacement, TeamsJsonContext.Default.OutboundActivity),
            Deadline(maxRateLimitWait),
            cancellationToken);
    }

    private DateTimeOffset? Deadline(TimeSpan? maxRateLimitWait) => maxRateLimitWait is { } wait ? time.GetUtcNow() + wait : null;

    private async Task<ConnectorResult> CallAsync(
        Call call, Func<HttpContent> content, DateTimeOffset? deadline, CancellationToken cancellationToken, PostingCheckpoint? beforeRequest = null)
    {
        if (!ServiceUrls.TryNormalize(call.ServiceUrl, out var serviceUrl))
        {
            return new ConnectorFailure(null, "InvalidServiceUrl", "the service URL is not an https URL", false);
        }

        if (!await trustedServiceUrls.IsTrustedAsync(serviceUrl, cancellationToken))
        {
            TeamsLog.UntrustedServiceUrl(logger, serviceUrl);
            return new ConnectorFailure(null, "UntrustedServiceUrl", "the service URL was never seen in a validated inbound activity", false);
        }

        var tokenRefreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            var (lease, refused) = await AcquireAsync(call.Target, deadline, cancellationToken);
            using var held = lease;
            if (refused is not null)
            {
                return refused;
            }

            string token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken);
            }
            catch (BotTokenException exception)
            {
                return new ConnectorFailure(null, "TokenUnavailable", exception.Message, true);
            }

            if (beforeRequest is not null && !await beforeRequest(cancellationToken))
            {
                return new ConnectorFailure(null, CheckpointRefused, "the caller gave the send up before posting", Retryable: true);
            }

            // Last before the request leaves, on every attempt: each request counts against the tenant.
            if (await WaitForPostingSlotAsync(call.Target, cancellationToken) is { } notPosted)
            {
                return notPosted;
            }

            var outcome = await AttemptAsync(call, serviceUrl, token, content, cancellationToken);
            if (outcome.RefreshToken && !tokenRefreshed)
            {
                // A 401 is never applied: fetch a fresh token once and try again.
                tokens.Invalidate();
                tokenRefreshed = true;
                attempt--;
                continue;
            }

            if (outcome.Result is { } result)
            {
                return result;
            }

            var delay = outcome.RetryAfter ?? Backoff(attempt);
            if (attempt >= MaxAttempts || outcome.RetryReason is null || (deadline is { } limit && time.GetUtcNow() + delay > limit))
            {
                // Not applied: say how long the Connector (or our backoff) asked us to wait.
                return outcome.Exhausted is ConnectorFailure failure
                    ? failure with { RetryAfter = outcome.RetryAfter ?? failure.RetryAfter }
                    : outcome.Exhausted ?? new ConnectorFailure(null, "RetriesExhausted", $"gave up after {attempt} attempts", true, outcome.RetryAfter);
            }

            TeamsLog.ConnectorRetry(logger, call.Method.Method, call.Operation, outcome.RetryReason, delay, attempt);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// A permit of the local limiter. Unbounded without a deadline; with one, a permit is queued
    /// for only while the deadline allows, and the limiter's own estimate (when it has one) is
    /// returned as RetryAfter when it does not fit.
    /// </summary>
    private async Task<(RateLimitLease? Lease, ConnectorFailure? Refused)> AcquireAsync(ConnectorTarget target, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (deadline is not { } limit)
        {
            var queued = await limiter.AcquireAsync(target, cancellationToken);
            return queued.IsAcquired ? (queued, null) : (null, Throttled(queued, null));
        }

        var immediate = limiter.AttemptAcquire(target);
        if (immediate.IsAcquired)
        {
            return (immediate, null);
        }

        var refused = Throttled(immediate, null);
        var budget = limit - time.GetUtcNow();
        if (budget <= TimeSpan.Zero || refused.RetryAfter > budget)
        {
            return (null, refused);
        }

        using var timeout = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var lease = await limiter.AcquireAsync(target, linked.Token);
            return lease.IsAcquired ? (lease, null) : (null, Throttled(lease, refused.RetryAfter));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, refused);
        }
    }

    /// <summary>
    /// The tenant's posting gate: the permit was taken before the checkpoint, whose latency varies, so posts admitted a
    /// window apart could still reach Teams closer together; the gate spaces them by when they actually leave.
    /// The wait is not bounded by the call's deadline, on purpose: by now the checkpoint has marked the delivery
    /// "sending" and renewed its lease, which the deadline is there to protect; admission already paced the tenant at
    /// the gate's rate, so the wait is at most about the spread of the checkpoint's latency (normally tens of
    /// milliseconds; as long as a database stall, when one bunches the posts behind it), and giving up would throw
    /// away the permit and the checkpoint to retry the whole delivery later for a few milliseconds.
    /// Only a full gate queue (which admission's pacing keeps from happening) refuses: nothing posted, retryable.
    /// </summary>
    private async Task<ConnectorFailure?> WaitForPostingSlotAsync(ConnectorTarget target, CancellationToken cancellationToken)
    {
        var slot = await limiter.AcquirePostingSlotAsync(target, cancellationToken);
        if (!slot.IsAcquired)
        {
            return Throttled(slot, null);
        }

        // A slot is a moment in the tenant's log, not a resource held during the request.
        slot.Dispose();
        return null;
    }

    /// <summary>The local limiter refused (queue full or no permit in time); disposes the failed lease.</summary>
    private static ConnectorFailure Throttled(RateLimitLease failed, TimeSpan? fallback)
    {
        using (failed)
        {
            var retryAfter = failed.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : fallback ?? LocalRetryAfter;
            return new ConnectorFailure(null, "LocallyThrottled", "too many calls queued for this tenant or conversation", true, retryAfter);
        }
    }

    private async Task<Outcome> AttemptAsync(Call call, string serviceUrl, string token, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, ServiceUrls.Combine(serviceUrl, call.RelativePath)) { Content = content() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = new CancellationTokenSource(AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unanswered(call, "timed out");
        }
        catch (HttpRequestException exception) when (NeverSent(exception))
        {
            return Outcome.Retry($"connection failed ({exception.HttpRequestError})", null, new ConnectorFailure(null, "ConnectionFailed", "the Connector could not be reached", true));
        }
        catch (HttpRequestException exception)
        {
            return Unanswered(call, $"transport error ({exception.HttpRequestError})");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await ReadResourceAsync(response, cancellationToken);
                return Outcome.Done(new ConnectorSuccess(body?.Id, body?.ActivityId));
            }

            var errorBody = await ReadErrorBodyAsync(response, cancellationToken);
            var code = ErrorCode(errorBody);
            var correlation = response.Headers.TryGetValues("MS-CV", out var values) ? values.FirstOrDefault() : null;
            TeamsLog.ConnectorError(logger, call.Method.Method, call.Operation, status, code, correlation);

            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    return Outcome.Retry("throttled (429)", RetryAfter(response), new ConnectorFailure(status, "Throttled", "still throttled after retries", true));
                case HttpStatusCode.PreconditionFailed:
                    return Outcome.Retry("precondition failed (412)", null, new ConnectorFailure(status, "PreconditionFailed", "concurrent operations kept conflicting", true));
                case HttpStatusCode.Unauthorized:
                    return new Outcome(new ConnectorFailure(status, string.IsNullOrEmpty(code) ? "Unauthorized" : code, "the Connector refused our token", false), null, null, null, RefreshToken: true);
                case HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout:
                    return call.Idempotent
                        ? Outcome.Retry($"HTTP {status}", null, new ConnectorFailure(status, "ServiceUnavailable", "the Connector stayed unavailable", true))
                        : Uncertain(call, $"HTTP {status}");
                case HttpStatusCode.Forbidden or HttpStatusCode.NotFound when UnreachableCodes.Contains(code):
                    return Outcome.Done(new RecipientUnreachable(code, status));
                default:
                    if (status >= 500)
                    {
                        // Docs: don't retry 500. A POST may have been applied.
                        return call.Idempotent ? Outcome.Done(new ConnectorFailure(status, Code(code, "ServiceError"), "the Connector failed", true)) : Uncertain(call, $"HTTP {status}");
                    }

                    return Outcome.Done(new ConnectorFailure(status, Code(code, response.StatusCode.ToString()), "the Connector refused the request", false));
            }
        }
    }

    private Outcome Unanswered(Call call, string reason) =>
        call.Idempotent
            ? Outcome.Retry(reason, null, new ConnectorFailure(null, "Unanswered", $"the Connector did not answer ({reason})", true))
            : Uncertain(call, reason);

    private Outcome Uncertain(Call call, string reason)
    {
        TeamsLog.ConnectorUncertain(logger, call.Method.Method, call.Operation, reason);
        return Outcome.Done(new ConnectorSendUncertain(reason));
    }

    private static string Code(string code, string fallback) => string.IsNullOrEmpty(code) ? fallback : code;

    /// <summary>Failures that happen before a byte of the request left: safe to retry any method.</summary>
    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError == HttpRequestError.NameResolutionError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    /// <summary>Retry-After as seconds or as a date (read on our clock), capped at <see cref="MaxRetryAfter"/>.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxRetryAfter ? MaxRetryAfter : value;
    }

    private static TimeSpan Backoff(int attempt)
    {
        var exponential = BaseBackoff * Math.Pow(2, attempt - 1);
        var capped = exponential > MaxBackoff ? MaxBackoff : exponential;
        var jitter = TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, (int)(capped.TotalMilliseconds / 2) + 1));
        return capped / 2 + jitter;
    }

    private static ConnectorTarget TargetOf(ConversationReference conversation) => new(conversation.TenantId, conversation.ConversationId);

    /// <summary>Teams ids contain ':', ';', '@' and '=': every path segment is escaped.</summary>
    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static async Task<ResourceResponse?> ReadResourceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, TeamsJsonContext.Default.ResourceResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text;
    }

    /// <summary>
    /// Teams' error code: <c>{"error":{"code"}}</c>, or the <c>subCode</c> inside the JSON string
    /// <c>message</c> of <c>{"errorCode":209,"message":"{…}"}</c>; else a known code named in the body.
    /// </summary>
    internal static string ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                {
                    return code.GetString() ?? string.Empty;
                }

                if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                    && ErrorCode(message.GetString() ?? string.Empty) is { Length: > 0 } inner)
                {
                    return inner;
                }

                if (root.TryGetProperty("subCode", out var subCode) && subCode.ValueKind == JsonValueKind.String)
                {
                    return subCode.GetString() ?? string.Empty;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: look for a known code in the text.
        }

        return UnreachableCodes.FirstOrDefault(known => body.Contains(known, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
    }

    private sealed record Call(string Operation, HttpMethod Method, string ServiceUrl, string RelativePath, bool Idempotent, ConnectorTarget Target);

    private sealed record Outcome(ConnectorResult? Result, string? RetryReason, TimeSpan? RetryAfter, ConnectorResult? Exhausted, bool RefreshToken = false)
    {
        public static Outcome Done(ConnectorResult result) => new(result, null, null, null);

        public static Outcome Retry(string reason, TimeSpan? retryAfter, ConnectorResult whenExhausted) => new(null, reason, retryAfter, whenExhausted);
    }
}
