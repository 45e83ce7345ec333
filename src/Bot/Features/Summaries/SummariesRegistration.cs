namespace MicroMove.Bot.Features.Summaries;

/// <summary>Weekly summaries: the builder the delivery worker uses, signed chart links and <c>GET /charts/{token}.png</c>.</summary>
internal static class SummariesRegistration
{
    public static IServiceCollection AddSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SummaryOptions>()
            .Configure(o => o.PublicBaseUrl = configuration["PublicBaseUrl"] is { Length: > 0 } url ? url : SummaryOptions.DefaultPublicBaseUrl)
            .Validate(o => o.IsValid, "PublicBaseUrl must be an absolute http or https URL without query or fragment")
            .ValidateOnStart();
        services.AddSingleton<ChartLinks>();
        services.AddScoped<WeeklySummaryBuilder>();
        services.AddScoped<ChartRequests>();
        return services;
    }

    public static IEndpointRouteBuilder MapChartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
            "/charts/{token}.png",
            (string token, ChartRequests charts, HttpContext context) => charts.HandleAsync(token, context.Response, context.RequestAborted));
        return endpoints;
    }
}
