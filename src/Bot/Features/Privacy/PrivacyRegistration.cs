namespace MicroMove.Bot.Features.Privacy;

/// <summary>A person's own data: export links, <c>GET /exports/{token}.json</c>, and deleting everything on request.</summary>
internal static class PrivacyRegistration
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<ExportLinks>();
        services.AddScoped<DataExportBuilder>();
        services.AddScoped<ExportRequests>();
        services.AddScoped<PersonDeletion>();
        services.AddScoped<DataRequests>();
        return services;
    }

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
            "/exports/{token}.json",
            (string token, ExportRequests exports, HttpContext context) => exports.HandleAsync(token, context.Response, context.RequestAborted));
        return endpoints;
    }
}
