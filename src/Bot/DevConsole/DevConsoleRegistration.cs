using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MicroMove.Bot.DevConsole;

/// <summary>
/// The dev console, on when <c>DevConsole:Enabled</c> (default: Development only). When off,
/// nothing of it is registered and every route of it answers 404.
/// </summary>
internal static class DevConsoleRegistration
{
    public static IServiceCollection AddDevConsole(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = DevConsoleOptions.From(configuration, environment);
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        // The console's clock replaces the system clock everywhere (dispatch, answers, logs).
        services.AddSingleton<ConsoleClock>();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(provider => provider.GetRequiredService<ConsoleClock>()));
        services.AddScoped<ConsoleWorkspace>();
        services.AddScoped<DevConsoleChat>();
        services.AddHostedService<DevConsoleStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapDevConsole(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<DevConsoleOptions>().Enabled)
        {
            DevConsoleEndpoints.Map(app);
        }

        return app;
    }
}
