using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// A loopback stand-in for the Bot Framework: OpenID metadata and a JWKS with one RSA key endorsed
/// for msteams, Entra ID's token endpoint, and a Connector that accepts every send and update.
/// It also mints the Connector tokens Teams would put on inbound activities.
/// </summary>
internal sealed class BenchBotFramework : IAsyncDisposable
{
    public const string AppId = "0b6a3c1e-5f2d-4c8e-9a7b-1d2e3f4a5b6c";
    private const string KeyId = "bench-key";
    private static readonly string[] Endorsements = ["msteams"];
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private long _connectorCalls;

    private BenchBotFramework(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string MetadataUrl => $"{BaseUrl}v1/.well-known/openidconfiguration";

    public string TokenEndpoint => $"{BaseUrl}oauth2/v2.0/token";

    public string ServiceUrl => $"{BaseUrl}teams/";

    public long ConnectorCalls => Interlocked.Read(ref _connectorCalls);

    public static async Task<BenchBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new BenchBotFramework(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/') + "/";
        return fake;
    }

    /// <summary>A Connector token as Teams sends it: issuer, audience = app id, serviceurl claim, one hour.</summary>
    public string Token()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Text(
            $$"""{"issuer":"https://api.botframework.com","authorization_endpoint":"https://invalid.botframework.com","jwks_uri":"{{BaseUrl}}v1/.well-known/keys","id_token_signing_alg_values_supported":["RS256"]}""",
            "application/json"));

        app.MapGet("/v1/.well-known/keys", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            var jwks = new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        use = "sig",
                        kid = KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus),
                        e = Base64UrlEncoder.Encode(parameters.Exponent),
                        endorsements = Endorsements,
                    },
                },
            };
            return Results.Text(JsonSerializer.Serialize(jwks), "application/json");
        });

        app.MapPost("/oauth2/v2.0/token", () => Results.Text(
            """{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"bench-bot-token"}""", "application/json"));

        app.Map("/teams/{**rest}", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _connectorCalls);
            using var reader = new StreamReader(request.Body);
            await reader.ReadToEndAsync();
            return Results.Text($$"""{"id":"activity-{{Guid.NewGuid():N}}"}""", "application/json");
        });
    }
}
