using System.Security.Cryptography;
using System.Text;
using MicroMove.Bot.Features.Prompts;
using OpenTelemetry.Metrics;

namespace MicroMove.Bot.Health;

/// <summary>
/// <c>GET /metrics</c> in Prometheus' text format: the delivery pipeline's meter (due, sent, failed,
/// missed, 429s, lag) with ASP.NET Core's, Kestrel's, HttpClient's, Npgsql's and the runtime's. Served
/// only when <c>Metrics:ScrapeToken</c> is set, and only to a scraper that sends it as a bearer token:
/// the endpoint shares the bot's public port, which Slack and Teams must reach, and its counts tell how
/// busy the bot's users are. Unset, nothing is collected and the path is a plain 404.
/// </summary>
internal static partial class MetricsEndpoint
{
    public const string Path = "/metrics";

    private static readonly string[] Meters =
    [
        DeliveryMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "Npgsql",
        "System.Runtime",
    ];

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        if (ScrapeToken(configuration) is not null)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (ScrapeToken(configuration) is not { } token)
        {
            return endpoints;
        }

        // Compared as hashes: equal lengths, and in constant time, whatever the caller sends.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsEndpoint).FullName!);
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!Presents(context.Request.Headers.Authorization.ToString(), expected))
            {
                LogRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await next(context);
        }), optionsName: null);
        return endpoints;
    }

    private static string? ScrapeToken(IConfiguration configuration) =>
        configuration["Metrics:ScrapeToken"] is { Length: > 0 } token ? token : null;

    private static bool Presents(string authorization, byte[] expected)
    {
        const string scheme = "Bearer ";
        var sent = authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : string.Empty;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), expected);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics scrape from {Remote} refused: missing or wrong bearer token (Metrics:ScrapeToken)")]
    private static partial void LogRefused(ILogger logger, string remote);
}
