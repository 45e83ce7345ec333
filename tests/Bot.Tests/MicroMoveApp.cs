using MicroMove.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests;

/// <summary>
/// The real bot, its real HTTP pipeline, on a test's own PostgreSQL database. Background
/// prompt workers and the scheduler are off unless a test turns them on
/// (<c>Prompts:RunWorkers</c>), so tests drive the features step by step.
/// </summary>
public sealed class MicroMoveApp(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MicroMove", ConnectionString);
        builder.UseSetting("Security:CredentialKey", CredentialProtector.NewBase64Key());
        builder.UseSetting("Prompts:RunWorkers", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
