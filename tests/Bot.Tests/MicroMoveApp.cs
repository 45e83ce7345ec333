using MicroMove.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroMove.Bot.Tests;

/// <summary>The real bot, its real HTTP pipeline, on a test's own PostgreSQL database.</summary>
public sealed class MicroMoveApp(string connectionString) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MicroMove", ConnectionString);
        builder.UseSetting("Security:CredentialKey", CredentialProtector.NewBase64Key());
    }
}
