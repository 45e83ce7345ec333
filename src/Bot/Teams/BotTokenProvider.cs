using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Teams;

/// <summary>
/// The bot's own access token for Connector calls: OAuth2 client credentials for AppId/AppPassword
/// with scope <c>https://api.botframework.com/.default</c>, from botframework.com (multi-tenant) or
/// the configured tenant. Cached until five minutes before expiry; concurrent callers share one
/// fetch. The token is never logged.
/// </summary>
internal sealed class BotTokenProvider(IHttpClientFactory httpClients, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "MicroMove.Teams.Token";
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private CachedToken? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _fetch.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited for the lock finds the token the first caller fetched.
            if (Current() is { } fetched)
            {
                return fetched;
            }

            var fresh = await FetchAsync(cancellationToken);
            _cached = fresh;
            return fresh.AccessToken;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Drops the cached token (e.g. after the Connector answered 401 to it).</summary>
    public void Invalidate() => _cached = null;

    public void Dispose() => _fetch.Dispose();

    private string? Current() => _cached is { } cached && time.GetUtcNow() < cached.RefreshAfter ? cached.AccessToken : null;

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = settings.ResolvedTokenEndpoint;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId ?? string.Empty,
            ["client_secret"] = settings.AppPassword ?? string.Empty,
            ["scope"] = Scope,
        });

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).PostAsync(endpoint, form, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            TeamsLog.TokenFailed(logger, endpoint, exception.HttpRequestError.ToString());
            throw new BotTokenException($"token endpoint unreachable ({exception.HttpRequestError})", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // Entra ID's error body names the problem (e.g. AADSTS700016) without echoing the secret.
                var error = await ErrorCodeAsync(response, cancellationToken);
                TeamsLog.TokenFailed(logger, endpoint, $"HTTP {(int)response.StatusCode} {error}");
                throw new BotTokenException($"token endpoint answered {(int)response.StatusCode} {error}");
            }

            TokenResponse? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(cancellationToken), TeamsJsonContext.Default.TokenResponse, cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new BotTokenException("token endpoint answered malformed JSON", exception);
            }

            if (body?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new BotTokenException("token endpoint answered no access_token");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn ?? 0, 0));
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            TeamsLog.TokenFetched(logger, endpoint, lifetime);
            return new CachedToken(accessToken, time.GetUtcNow() + lifetime - margin);
        }
    }

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? error.GetString() ?? string.Empty
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAfter);
}
