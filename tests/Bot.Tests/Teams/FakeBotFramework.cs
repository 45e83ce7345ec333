using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>
/// A loopback stand-in for login.botframework.com (OpenID metadata + JWKS), Entra ID's token endpoint
/// and the Bot Connector (<c>/teams/v3/…</c>), on a small Kestrel at 127.0.0.1 with a free port.
/// </summary>
internal sealed class FakeBotFramework : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile TestSigningKey[] _keys = [];
    private int _metadataRequests;
    private int _tokenRequests;

    private FakeBotFramework(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string MetadataUrl => $"{BaseUrl}v1/.well-known/openidconfiguration";

    public string TokenEndpoint => $"{BaseUrl}oauth2/v2.0/token";

    /// <summary>The Connector's service URL, as Teams would put it in activities.</summary>
    public string ServiceUrl => $"{BaseUrl}teams/";

    public int MetadataRequests => _metadataRequests;

    public int TokenRequests => _tokenRequests;

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenForms { get; } = new();

    public TimeSpan TokenDelay { get; set; }

    public int TokenExpiresIn { get; set; } = 3600;

    public ConcurrentQueue<RecordedRequest> ConnectorRequests { get; } = new();

    /// <summary>How long the Connector takes to answer (after recording the request).</summary>
    public TimeSpan ConnectorDelay { get; set; }

    /// <summary>Answers the n-th (0-based) Connector request; default 200 <c>{"id":"activity-1"}</c>.</summary>
    public Func<RecordedRequest, int, FakeResponse> ConnectorResponder { get; set; } = (_, _) => new FakeResponse(200, """{"id":"activity-1"}""");

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFramework(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/') + "/";
        return fake;
    }

    /// <summary>Replaces the published JWKS (key rotation).</summary>
    public void PublishKeys(params TestSigningKey[] keys) => _keys = keys;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) =>
        {
            Interlocked.Increment(ref _metadataRequests);
            return Json(context, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("issuer", "https://api.botframework.com");
                writer.WriteString("authorization_endpoint", "https://invalid.botframework.com");
                writer.WriteString("jwks_uri", $"{BaseUrl}v1/.well-known/keys");
                writer.WriteStartArray("id_token_signing_alg_values_supported");
                writer.WriteStringValue("RS256");
                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        });

        app.MapGet("/v1/.well-known/keys", (HttpContext context) => Json(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in _keys)
            {
                key.WriteJwk(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));

        app.MapPost("/oauth2/v2.0/token", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await context.Request.ReadFormAsync();
            TokenForms.Enqueue(form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));
            await Task.Delay(TokenDelay);
            await Json(context, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("token_type", "Bearer");
                writer.WriteNumber("expires_in", TokenExpiresIn);
                writer.WriteNumber("ext_expires_in", TokenExpiresIn);
                writer.WriteString("access_token", $"bot-token-{_tokenRequests}");
                writer.WriteEndObject();
            });
        });

        app.Map("/teams/{**rest}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString(),
                context.Request.Headers.Authorization.ToString(),
                await reader.ReadToEndAsync());
            var index = ConnectorRequests.Count;
            ConnectorRequests.Enqueue(request);
            var response = ConnectorResponder(request, index);
            if (ConnectorDelay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(ConnectorDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (response.Body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(response.Body);
            }
        });
    }

    private static Task Json(HttpContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
