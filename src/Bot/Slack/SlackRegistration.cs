using MicroMove.Bot.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>Composition of the Slack protocol layer: <c>AddSlack</c> for services, <c>MapSlackEndpoints</c> for routes.</summary>
internal static class SlackRegistration
{
    public static readonly TimeSpan WebApiTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackSignatureFilter>();
        services.AddSingleton<SlackInboundQueue>();
        services.AddHostedService<SlackInboundWorker>();
        services.AddScoped<SlackInboundEndpoints>();
        services.AddScoped<SlackOAuthEndpoints>();
        // The conversation features answer Slack (LoggingSlackInboundHandler is the do-nothing stand-in tests and tools may register).
        services.TryAddScoped<ISlackInboundHandler, SlackConversationHandler>();

        services.AddSingleton<SlackRateGate>();
        services.AddSingleton<SlackLookupCache>();
        services.AddSingleton<SlackSingleWorkspace>();
        services.AddSingleton<SlackWorkspaceCache>();
        services.AddSingleton<SlackPersonCache>();
        services.AddScoped<SlackWorkspaceTokens>();
        services.AddHttpClient<SlackWebApiClient>((provider, http) =>
        {
            var baseUrl = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            http.Timeout = WebApiTimeout;
        })
        // The default HttpClient logging would write response_url paths (capability URLs); our own lines name only the method and team.
        .RemoveAllLoggers();

        // Deliveries to Slack workspaces only where Slack is on (signing secret set); otherwise a
        // Slack workspace's delivery fails with "no chat gateway" instead of calling Slack.
        if (!string.IsNullOrWhiteSpace(configuration.GetSection(SlackOptions.SectionName)[nameof(SlackOptions.SigningSecret)]))
        {
            services.AddSingleton<IChatGateway, SlackGateway>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var signed = endpoints.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>();
        signed.MapPost("/events", (Delegate)((HttpContext http) => Inbound(http).EventsAsync(http)));
        signed.MapPost("/commands", (Delegate)((HttpContext http) => Inbound(http).CommandsAsync(http)));
        signed.MapPost("/interactions", (Delegate)((HttpContext http) => Inbound(http).InteractionsAsync(http)));
        signed.MapPost("/interactivity", (Delegate)((HttpContext http) => Inbound(http).InteractionsAsync(http)));

        endpoints.MapGet("/slack/install", (HttpContext http) => OAuth(http).Install(http));
        endpoints.MapGet("/slack/oauth/callback", (Delegate)((HttpContext http) => OAuth(http).CallbackAsync(http)));
        return endpoints;
    }

    private static SlackInboundEndpoints Inbound(HttpContext http) => http.RequestServices.GetRequiredService<SlackInboundEndpoints>();

    private static SlackOAuthEndpoints OAuth(HttpContext http) => http.RequestServices.GetRequiredService<SlackOAuthEndpoints>();
}
