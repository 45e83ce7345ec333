using MicroMove.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests;

/// <summary>The real bot, its real HTTP pipeline, on a test's own PostgreSQL database.</summary>
public sealed class MicroMoveApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public MicroMoveApp(string connectionString)
        : this(connectionString, new Dictionary<string, string?>())
    {
    }

    /// <summary>With extra settings (e.g. <c>Teams:AppId</c>) and service replacements applied after the app's own.</summary>
    public MicroMoveApp(string connectionString, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        ConnectionString = connectionString;
        _settings = settings;
        _configureServices = configureServices;
    }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MicroMove", ConnectionString);
        builder.UseSetting("Security:CredentialKey", CredentialProtector.NewBase64Key());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
