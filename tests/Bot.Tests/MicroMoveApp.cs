using MicroMove.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests;

/// <summary>
/// The real bot, its real HTTP pipeline, on a test's own PostgreSQL database. Extra settings
/// (e.g. Slack:SigningSecret) and service replacements (run after the app's own) are optional.
/// </summary>
public sealed class MicroMoveApp(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MicroMove", ConnectionString);
        builder.UseSetting("Security:CredentialKey", CredentialProtector.NewBase64Key());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
