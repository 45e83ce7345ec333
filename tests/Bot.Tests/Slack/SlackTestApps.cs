using MicroMove.Bot.Slack;
using MicroMove.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The real bot with Slack switched on (signing secret set) and a recording handler in place of the features.</summary>
internal static class SlackTestApps
{
    public static async Task<(MicroMoveApp App, RecordingSlackHandler Handler)> StartAsync(
        PostgresServer server,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var handler = new RecordingSlackHandler();
        var settings = new Dictionary<string, string?> { ["Slack:SigningSecret"] = SlackRequestSigner.Secret };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new MicroMoveApp(
            await server.CreateMigratedDatabaseAsync(),
            settings,
            services => services.AddScoped<ISlackInboundHandler>(_ => handler));
        return (app, handler);
    }
}
