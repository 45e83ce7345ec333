using MicroMove.Bot.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Teams;

/// <summary>Wires the Teams protocol layer: <c>builder.Services.AddTeams(configuration)</c> and <c>app.MapTeamsEndpoints()</c>.</summary>
internal static class TeamsRegistration
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Inbound.
        services.AddHttpClient(BotConnectorAuthenticator.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BotConnectorAuthenticator>();
        services.AddSingleton<TeamsActivityQueue>();
        services.AddHostedService<TeamsActivityWorker>();
        services.AddScoped<TeamsInboundDeduplicator>();
        services.AddScoped<TeamsConversationStore>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<RememberedReferences>();
        services.TryAddScoped<ITeamsActivityHandler, TeamsConversationHandler>();

        // Outbound.
        services.AddHttpClient(BotTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ConnectorRateLimiter>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);

        // Deliveries to Teams tenants only where Teams is on (app id set).
        if (!string.IsNullOrWhiteSpace(configuration.GetSection(TeamsOptions.SectionName)[nameof(TeamsOptions.AppId)]))
        {
            services.AddSingleton<IChatGateway, TeamsGateway>();
        }

        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> when Teams is enabled (Teams:AppId set); otherwise the path stays 404.</summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled)
        {
            endpoints.MapPost(TeamsMessagesEndpoint.Path, TeamsMessagesEndpoint.HandleAsync);
        }

        return endpoints;
    }
}
