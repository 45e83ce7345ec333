using MicroMove.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// The real bot (its Program, pipeline and services) on a real Kestrel at 127.0.0.1, in the
/// Production environment, on the bench's PostgreSQL. Logging is lowered to warnings so the
/// figures measure the work, not the console. (Any type of the bot's assembly names its entry point;
/// the bench has a Program of its own.)
/// </summary>
internal sealed class BotHost(string connectionString, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<MicroMove.Bot.Slack.SlackOptions>
{
    public string CredentialKey { get; } = CredentialProtector.NewBase64Key();

    /// <summary>Starts Kestrel and returns the bot's base address.</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address");
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:MicroMove", connectionString);
        builder.UseSetting("Security:CredentialKey", CredentialKey);
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("MICROMOVE_BENCH_LOG") ?? "Warning");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
