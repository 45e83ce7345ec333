using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Validates the bearer JWT of an inbound request with Microsoft.IdentityModel: signature against
/// the keys of the OpenID metadata (cached; re-read once when an unknown <c>kid</c> appears), issuer
/// <c>https://api.botframework.com</c>, audience = our app id, lifetime with 5 minutes of skew on
/// our <see cref="TimeProvider"/>. Emulator tokens only when <see cref="TeamsOptions.AllowEmulator"/>.
/// The activity-dependent checks (service URL claim, endorsements) are in <see cref="BotConnectorIdentity"/>.
/// A token that passed recently is not validated again (<see cref="ValidatedTokenCache"/>).
/// </summary>
internal sealed class BotConnectorAuthenticator
{
    public const string ConnectorIssuer = "https://api.botframework.com";
    public const string HttpClientName = "MicroMove.Teams.OpenId";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly string[] EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>An unknown kid reads the metadata directly at most this often (per metadata source).</summary>
    private static readonly TimeSpan MinimumDirectRefresh = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly KeySource _connectorKeys;
    private readonly KeySource? _emulatorKeys;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ValidatedTokenCache _validated;

    public BotConnectorAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _validated = new ValidatedTokenCache(time);
        _connectorKeys = new KeySource(_options.OpenIdMetadataUrl, httpClients);
        _emulatorKeys = _options.AllowEmulator ? new KeySource(_options.EmulatorOpenIdMetadataUrl, httpClients) : null;
    }

    /// <summary>Validates an <c>Authorization</c> header value; never throws for a bad token.</summary>
    public async Task<BotConnectorIdentity> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return BotConnectorIdentity.Rejected("missing or non-Bearer Authorization header");
        }

        var token = authorization[scheme.Length..].Trim();
        if (_validated.TryGet(token, out var known))
        {
            return known;
        }

        if (!_handler.CanReadToken(token))
        {
            return BotConnectorIdentity.Rejected("malformed bearer token");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BotConnectorIdentity.Rejected("malformed bearer token");
        }

        var emulator = _emulatorKeys is not null && EmulatorIssuers.Contains(unverified.Issuer, StringComparer.Ordinal);
        var keys = emulator && _emulatorKeys is not null ? _emulatorKeys : _connectorKeys;

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.Manager.GetConfigurationAsync(cancellationToken);
            if (!string.IsNullOrEmpty(unverified.Kid) && FindKey(configuration, unverified.Kid) is null)
            {
                // Keys rotate without notice: an unknown kid refreshes the cache and is retried once.
                configuration = await RefreshAsync(keys, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException)
        {
            return BotConnectorIdentity.Rejected($"signing keys unavailable ({exception.GetType().Name})");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration, emulator));
        if (!result.IsValid)
        {
            return BotConnectorIdentity.Rejected($"token rejected ({result.Exception?.GetType().Name ?? "invalid"})");
        }

        if (emulator && !IsOurAppId(result.Claims))
        {
            return BotConnectorIdentity.Rejected("emulator token for another app id");
        }

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        var endorsements = emulator ? null : Endorsements(FindKey(configuration, unverified.Kid));
        var identity = BotConnectorIdentity.Accepted(serviceUrl, endorsements, emulator);

        // Accepted up to the expiry plus the skew, exactly as a fresh validation would be.
        _validated.Add(token, identity, new DateTimeOffset(unverified.ValidTo, TimeSpan.Zero) + ClockSkew);
        return identity;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, bool emulator) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = emulator ? EmulatorIssuers.Concat(SingleTenantEmulatorIssuers()) : [ConnectorIssuer],
        ValidateAudience = true,
        ValidAudience = _options.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
    };

    private IEnumerable<string> SingleTenantEmulatorIssuers() =>
        _options.SingleTenant
            ? [$"https://sts.windows.net/{_options.TenantId}/", $"https://login.microsoftonline.com/{_options.TenantId}/v2.0"]
            : [];

    /// <summary>nbf/exp against our clock (not the machine's), with the Bot Framework's 5 minutes of skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore.Value <= now + ClockSkew) && expires.Value >= now - ClockSkew;
    }

    private bool IsOurAppId(IDictionary<string, object> claims)
    {
        var version = claims.TryGetValue("ver", out var ver) ? ver as string : null;
        var claimName = version == "2.0" ? "azp" : "appid";
        return claims.TryGetValue(claimName, out var appId) && string.Equals(appId as string, _options.AppId, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string? kid) =>
        kid is null ? null : configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, kid, StringComparison.Ordinal));

    /// <summary>The key's non-standard <c>endorsements</c> member (null when the key has none).</summary>
    private static IReadOnlyList<string>? Endorsements(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
            JsonElement element => [element.ToString()],
            IEnumerable many => [.. many.Cast<object?>().Select(e => e?.ToString() ?? string.Empty)],
            _ => [value.ToString() ?? string.Empty],
        };
    }

    /// <summary>
    /// ConfigurationManager.RequestRefresh makes the shared cache re-read the metadata, but in this
    /// IdentityModel version it does so on a background task; so this request re-reads it directly
    /// through the same retrievers (at most every <see cref="MinimumDirectRefresh"/>, so a flood of
    /// random kids cannot hammer the issuer) and retries with that.
    /// </summary>
    private async Task<OpenIdConnectConfiguration> RefreshAsync(KeySource keys, CancellationToken cancellationToken)
    {
        keys.Manager.RequestRefresh();
        await keys.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (keys.Fresh is { } fresh && now - keys.FreshAt < MinimumDirectRefresh)
            {
                return fresh;
            }

            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(keys.MetadataUrl, keys.Documents, cancellationToken);
            keys.Fresh = configuration;
            keys.FreshAt = now;
            return configuration;
        }
        finally
        {
            keys.Gate.Release();
        }
    }

    /// <summary>One metadata source: its cached configuration and what an unknown kid last fetched.</summary>
    private sealed class KeySource
    {
        public KeySource(string metadataUrl, IHttpClientFactory httpClients)
        {
            MetadataUrl = metadataUrl;
            Documents = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                // Validated at start-up: https, or http on a loopback host (tests' fake issuer).
                RequireHttps = new Uri(metadataUrl).Scheme == Uri.UriSchemeHttps,
            };
            Manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), Documents)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(12),
            };
        }

        public string MetadataUrl { get; }

        public HttpDocumentRetriever Documents { get; }

        public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; }

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public OpenIdConnectConfiguration? Fresh { get; set; }

        public DateTimeOffset FreshAt { get; set; }
    }
}
