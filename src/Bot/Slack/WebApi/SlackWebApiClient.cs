using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MicroMove.Bot.Chat;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Slack's Web API over a typed HttpClient. Tokens are passed per call (many workspaces), never
/// logged. Every answer's <c>ok</c> is checked; failures surface as <see cref="SlackApiException"/>
/// with a <see cref="SlackErrorKind"/>.
/// Retries: a 429 is waited out (Retry-After) and retried for any method, since it did not take
/// effect; so is a connection that failed before the request was sent. 5xx, timeouts and other
/// network failures are retried only for reads (users.info, conversations.open, auth.test) and
/// chat.update (replacing a message twice with the same content changes nothing) —
/// chat.postMessage and the other writes are never sent twice.
/// </summary>
internal sealed class SlackWebApiClient(
    HttpClient http,
    IOptions<SlackOptions> options,
    SlackRateGate gate,
    SlackLookupCache cache,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger)
{
    public const int MaxAttempts = 4;
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DirectMessageCacheTime = TimeSpan.FromHours(24);
    public static readonly TimeSpan UserCacheTime = TimeSpan.FromHours(1);
    private static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(500);

    public Task<SlackPostedMessage> PostMessageAsync(SlackBotToken token, string channel, string text, JsonArray? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default) =>
        PostMessageAsync(token, channel, text, blocks, threadTs, null, cancellationToken);

    /// <summary>
    /// chat.postMessage; with <paramref name="maxRateLimitWait"/> the client-side rate-limit waits
    /// (429 pauses, token buckets) are bounded: past it the call fails as RateLimited with a RetryAfter, unsent.
    /// <paramref name="beforePosting"/> runs after those waits, right before each request; when it answers false
    /// nothing is posted and the call fails as <see cref="SlackApiException.CheckpointRefused"/>.
    /// </summary>
    public async Task<SlackPostedMessage> PostMessageAsync(
        SlackBotToken token,
        string channel,
        string text,
        JsonArray? blocks,
        string? threadTs,
        TimeSpan? maxRateLimitWait,
        CancellationToken cancellationToken,
        PostingCheckpoint? beforePosting = null)
    {
        var body = new SlackMessageRequestWire { Channel = channel, Text = text, Blocks = blocks, ThreadTs = threadTs };
        var response = await CallAsync(
            "chat.postMessage", token, channel, idempotent: false, () => Json(body, SlackJsonContext.Default.SlackMessageRequestWire),
            SlackJsonContext.Default.SlackPostMessageResponseWire, cancellationToken, maxRateLimitWait: maxRateLimitWait, beforeRequest: beforePosting);
        return new SlackPostedMessage(response.Channel ?? channel, Required(response.Ts, "chat.postMessage", "ts"));
    }

    /// <summary>chat.update: <paramref name="channel"/> must be the D… id for DMs (not the user id).</summary>
    public Task<SlackPostedMessage> UpdateMessageAsync(SlackBotToken token, string channel, string ts, string text, JsonArray? blocks = null, CancellationToken cancellationToken = default) =>
        UpdateMessageAsync(token, channel, ts, text, blocks, null, cancellationToken);

    /// <summary>
    /// chat.update, with bounded rate-limit waits as for <c>PostMessageAsync</c>. Replacing a message
    /// with the same content twice changes nothing, so 5xx and timeouts are retried like a read.
    /// </summary>
    public async Task<SlackPostedMessage> UpdateMessageAsync(
        SlackBotToken token, string channel, string ts, string text, JsonArray? blocks, TimeSpan? maxRateLimitWait, CancellationToken cancellationToken)
    {
        var body = new SlackMessageRequestWire { Channel = channel, Ts = ts, Text = text, Blocks = blocks };
        var response = await CallAsync(
            "chat.update", token, null, idempotent: true, () => Json(body, SlackJsonContext.Default.SlackMessageRequestWire),
            SlackJsonContext.Default.SlackPostMessageResponseWire, cancellationToken, maxRateLimitWait: maxRateLimitWait);
        return new SlackPostedMessage(response.Channel ?? channel, response.Ts ?? ts);
    }

    /// <summary>chat.postEphemeral; returns message_ts (ephemeral messages cannot be updated with chat.update).</summary>
    public async Task<string> PostEphemeralAsync(SlackBotToken token, string channel, string user, string text, JsonArray? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        var body = new SlackMessageRequestWire { Channel = channel, User = user, Text = text, Blocks = blocks, ThreadTs = threadTs };
        var response = await CallAsync(
            "chat.postEphemeral", token, null, idempotent: false, () => Json(body, SlackJsonContext.Default.SlackMessageRequestWire),
            SlackJsonContext.Default.SlackPostEphemeralResponseWire, cancellationToken);
        return Required(response.MessageTs, "chat.postEphemeral", "message_ts");
    }

    /// <summary>conversations.open for one user: the D… channel id, cached per workspace and user.</summary>
    public Task<string> OpenDirectMessageAsync(SlackBotToken token, string userId, CancellationToken cancellationToken = default) =>
        OpenDirectMessageAsync(token, userId, null, cancellationToken);

    /// <summary>conversations.open (cached), with bounded rate-limit waits as for <c>PostMessageAsync</c>.</summary>
    public async Task<string> OpenDirectMessageAsync(SlackBotToken token, string userId, TimeSpan? maxRateLimitWait, CancellationToken cancellationToken)
    {
        var key = $"dm:{token.TeamId}:{userId}";
        if (cache.TryGet<string>(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var body = new SlackConversationsOpenRequestWire { Users = userId };
        var response = await CallAsync(
            "conversations.open", token, null, idempotent: true, () => Json(body, SlackJsonContext.Default.SlackConversationsOpenRequestWire),
            SlackJsonContext.Default.SlackConversationsOpenResponseWire, cancellationToken, maxRateLimitWait: maxRateLimitWait);
        var channel = Required(response.Channel?.Id, "conversations.open", "channel.id");
        cache.Set(key, channel, DirectMessageCacheTime);
        return channel;
    }

    /// <summary>The user's DM channel with the bot if conversations.open told it recently (no call), else null.</summary>
    public string? KnownDirectMessage(string teamId, string userId) =>
        cache.TryGet<string>($"dm:{teamId}:{userId}", out var cached) ? cached : null;

    /// <summary>Forgets a cached DM channel (e.g. after channel_not_found on it).</summary>
    public void ForgetDirectMessage(string teamId, string userId) => cache.Remove($"dm:{teamId}:{userId}");

    /// <summary>users.info (form-encoded read), cached per workspace and user for an hour (time zones change rarely).</summary>
    public async Task<SlackUserInfo> GetUserAsync(SlackBotToken token, string userId, CancellationToken cancellationToken = default)
    {
        var key = $"user:{token.TeamId}:{userId}";
        if (cache.TryGet<SlackUserInfo>(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var response = await CallAsync(
            "users.info", token, null, idempotent: true, () => Form([new("user", userId)]),
            SlackJsonContext.Default.SlackUsersInfoResponseWire, cancellationToken);
        var user = response.User ?? throw Malformed("users.info", "user");
        var info = new SlackUserInfo(
            user.Id ?? userId, user.TeamId, user.Name, user.RealName, NullIfEmpty(user.Tz), user.TzLabel, user.TzOffset, user.IsBot, user.Deleted);
        cache.Set(key, info, UserCacheTime);
        return info;
    }

    /// <summary>Forgets a cached users.info (e.g. on user_change).</summary>
    public void ForgetUser(string teamId, string userId) => cache.Remove($"user:{teamId}:{userId}");

    /// <summary>views.publish: the Home tab of <paramref name="userId"/>; pass the last hash to avoid overwriting a newer render.</summary>
    public async Task<SlackViewInfo> PublishHomeViewAsync(SlackBotToken token, string userId, JsonObject view, string? hash = null, CancellationToken cancellationToken = default)
    {
        var body = new SlackViewRequestWire { UserId = userId, View = view, Hash = hash };
        var response = await CallAsync(
            "views.publish", token, null, idempotent: false, () => Json(body, SlackJsonContext.Default.SlackViewRequestWire),
            SlackJsonContext.Default.SlackViewResponseWire, cancellationToken);
        return new SlackViewInfo(Required(response.View?.Id, "views.publish", "view.id"), response.View?.Hash);
    }

    /// <summary>views.open with a trigger_id (valid 3 s, single use: call it before any slow work).</summary>
    public async Task<SlackViewInfo> OpenViewAsync(SlackBotToken token, string triggerId, JsonObject view, CancellationToken cancellationToken = default)
    {
        var body = new SlackViewRequestWire { TriggerId = triggerId, View = view };
        var response = await CallAsync(
            "views.open", token, null, idempotent: false, () => Json(body, SlackJsonContext.Default.SlackViewRequestWire),
            SlackJsonContext.Default.SlackViewResponseWire, cancellationToken);
        return new SlackViewInfo(Required(response.View?.Id, "views.open", "view.id"), response.View?.Hash);
    }

    /// <summary>auth.test for a raw token (the team is not known yet in single-workspace mode).</summary>
    public async Task<SlackAuthIdentity> AuthTestAsync(string botToken, CancellationToken cancellationToken = default)
    {
        var token = new SlackBotToken("auth.test", botToken);
        var response = await CallAsync(
            "auth.test", token, null, idempotent: true, () => Form([]),
            SlackJsonContext.Default.SlackAuthTestResponseWire, cancellationToken);
        return new SlackAuthIdentity(
            Required(response.TeamId, "auth.test", "team_id"), response.Team, response.UserId, response.BotId, response.EnterpriseId, response.Url);
    }

    /// <summary>oauth.v2.access: exchanges an install code; client id and secret go in HTTP Basic, the body is a form.</summary>
    public async Task<SlackOAuthAccess> ExchangeOAuthCodeAsync(string code, string? redirectUri, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        List<KeyValuePair<string, string>> fields = [new("code", code)];
        if (redirectUri is not null)
        {
            fields.Add(new("redirect_uri", redirectUri));
        }

        var response = await CallAsync(
            "oauth.v2.access", null, null, idempotent: false,
            () =>
            {
                var request = Form(fields);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                return request;
            },
            SlackJsonContext.Default.SlackOAuthAccessResponseWire, cancellationToken);
        var isEnterprise = response.IsEnterpriseInstall;
        return new SlackOAuthAccess(
            AccessToken: Required(response.AccessToken, "oauth.v2.access", "access_token"),
            TokenType: response.TokenType ?? "bot",
            Scope: response.Scope,
            BotUserId: response.BotUserId,
            AppId: response.AppId,
            WorkspaceId: Required(isEnterprise ? response.Enterprise?.Id : response.Team?.Id, "oauth.v2.access", isEnterprise ? "enterprise.id" : "team.id"),
            TeamName: response.Team?.Name ?? response.Enterprise?.Name,
            EnterpriseId: response.Enterprise?.Id,
            IsEnterpriseInstall: isEnterprise,
            InstallerUserId: Required(response.AuthedUser?.Id, "oauth.v2.access", "authed_user.id"));
    }

    /// <summary>
    /// POSTs a message to a response_url (no token; valid 30 min, 5 uses). The URL comes from a
    /// request body, so only https URLs on the configured hosts (Slack__ResponseUrlHosts) are called.
    /// </summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, SlackResponseUrlMessage message, CancellationToken cancellationToken = default)
    {
        if (!IsAllowedResponseUrl(responseUrl))
        {
            throw new SlackApiException(SlackRateGate.ResponseUrl, "response_url_host_not_allowed", SlackErrorKind.Configuration, mayHaveTakenEffect: false);
        }

        await CallAsync(
            SlackRateGate.ResponseUrl, null, null, idempotent: false,
            () => new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = JsonContent.Create(message, SlackJsonContext.Default.SlackResponseUrlMessage) },
            SlackJsonContext.Default.SlackApiResponseWire, cancellationToken, partition: responseUrl.Host, lenientBody: true);
    }

    public bool IsAllowedResponseUrl(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && options.Value.ResponseUrlHostList.Contains(url.Host, StringComparer.OrdinalIgnoreCase);

    private async Task<T> CallAsync<T>(
        string method,
        SlackBotToken? token,
        string? channel,
        bool idempotent,
        Func<HttpRequestMessage> createRequest,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken,
        string? partition = null,
        bool lenientBody = false,
        TimeSpan? maxRateLimitWait = null,
        PostingCheckpoint? beforeRequest = null)
        where T : SlackApiResponseWire
    {
        var team = partition ?? token?.TeamId ?? "-";
        DateTimeOffset? deadline = maxRateLimitWait is { } wait ? time.GetUtcNow() + wait : null;
        for (var attempt = 1; ; attempt++)
        {
            await gate.WaitAsync(team, method, channel, deadline, cancellationToken);
            if (beforeRequest is not null && !await beforeRequest(cancellationToken))
            {
                throw new SlackApiException(method, SlackApiException.CheckpointRefused, SlackErrorKind.Transient, mayHaveTakenEffect: false);
            }

            using var request = createRequest();
            request.RequestUri ??= new Uri(method, UriKind.Relative);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                var notSent = exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
                if ((notSent || idempotent) && attempt < MaxAttempts)
                {
                    logger.SlackCallRetrying(method, team, "network_error", attempt);
                    await BackoffAsync(attempt, cancellationToken);
                    continue;
                }

                logger.SlackCallFailed(method, team, "network_error", null);
                throw new SlackApiException(method, "network_error", SlackErrorKind.Transient, mayHaveTakenEffect: !notSent, innerException: exception);
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (idempotent && attempt < MaxAttempts)
                {
                    logger.SlackCallRetrying(method, team, "timeout", attempt);
                    await BackoffAsync(attempt, cancellationToken);
                    continue;
                }

                logger.SlackCallFailed(method, team, "timeout", null);
                throw new SlackApiException(method, "timeout", SlackErrorKind.Transient, mayHaveTakenEffect: true, innerException: exception);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var retryAfter = RetryAfter(response);
                    gate.Pause(team, method, retryAfter);
                    if (attempt < MaxAttempts)
                    {
                        logger.SlackRateLimited(method, team, retryAfter.TotalSeconds);
                        continue;
                    }

                    logger.SlackCallFailed(method, team, "ratelimited", status);
                    throw new SlackApiException(method, "ratelimited", SlackErrorKind.RateLimited, mayHaveTakenEffect: false, httpStatus: status, retryAfter: retryAfter);
                }

                if (status >= 500)
                {
                    var statusError = $"http_{status}";
                    if (idempotent && attempt < MaxAttempts)
                    {
                        logger.SlackCallRetrying(method, team, statusError, attempt);
                        await BackoffAsync(attempt, cancellationToken);
                        continue;
                    }

                    logger.SlackCallFailed(method, team, statusError, status);
                    throw new SlackApiException(method, statusError, SlackErrorKind.Transient, mayHaveTakenEffect: true, httpStatus: status);
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    var error = TryRead(bytes, SlackJsonContext.Default.SlackApiResponseWire)?.Error ?? $"http_{status}";
                    logger.SlackCallFailed(method, team, error, status);
                    throw new SlackApiException(method, error, SlackApiException.Classify(error), mayHaveTakenEffect: false, httpStatus: status);
                }

                var body = TryRead(bytes, responseType);
                if (body is null && lenientBody)
                {
                    // response_url answers a plain "ok" (older) or JSON; a 2xx is success either way.
                    return JsonSerializer.Deserialize("{\"ok\":true}", responseType) ?? throw Malformed(method, "body");
                }

                if (body is null)
                {
                    logger.SlackCallFailed(method, team, "invalid_response", status);
                    throw Malformed(method, "body");
                }

                if (!body.Ok && !(lenientBody && body.Error is null))
                {
                    var error = body.Error ?? "unknown_error";
                    var kind = SlackApiException.Classify(error);
                    TimeSpan? retryAfter = null;
                    if (kind == SlackErrorKind.RateLimited)
                    {
                        retryAfter = DefaultRetryAfter;
                        gate.Pause(team, method, DefaultRetryAfter);
                    }

                    logger.SlackCallFailed(method, team, error, status);
                    throw new SlackApiException(method, error, kind, mayHaveTakenEffect: false, httpStatus: status, retryAfter: retryAfter);
                }

                logger.SlackCallSucceeded(method, team, attempt);
                return body;
            }
        }
    }

    private Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var jitter = TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, 250));
        return Task.Delay((BaseBackoff * Math.Pow(2, attempt - 1)) + jitter, time, cancellationToken);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return delta > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : delta;
        }

        return DefaultRetryAfter;
    }

    private static HttpRequestMessage Json<TBody>(TBody body, JsonTypeInfo<TBody> typeInfo) =>
        new(HttpMethod.Post, (Uri?)null) { Content = JsonContent.Create(body, typeInfo) };

    private static HttpRequestMessage Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        new(HttpMethod.Post, (Uri?)null) { Content = new FormUrlEncodedContent(fields) };

    private static T? TryRead<T>(byte[] bytes, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Required(string? value, string method, string field) =>
        string.IsNullOrEmpty(value) ? throw Malformed(method, field) : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static SlackApiException Malformed(string method, string field) =>
        new(method, $"invalid_response ({field} missing)", SlackErrorKind.Other, mayHaveTakenEffect: true);
}
