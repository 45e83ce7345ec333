using System.Net;
using System.Text.Json;
using MicroMove.Tests.Support;
using Npgsql;

namespace MicroMove.Bot.Tests.Health;

public sealed class HealthEndpointTests(PostgresServer server)
{
    [Fact]
    public async Task Healthz_ProcessUp_Returns200()
    {
        await using var app = new MicroMoveApp(await server.CreateEmptyDatabaseAsync());

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_AfterStartOnAnEmptyDatabase_MigratesAndReturns200()
    {
        await using var app = new MicroMoveApp(await server.CreateEmptyDatabaseAsync());

        var (status, body) = await GetAsync(app, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_DatabaseGone_Returns503ButHealthzStays200()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using var app = new MicroMoveApp(connectionString);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/readyz")).Status);

        await server.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(connectionString).Database ?? string.Empty);

        var (status, body) = await GetAsync(app, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/healthz")).Status);
    }

    [Fact]
    public async Task Readyz_MigrationMissing_Returns503AndSaysWhy()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using var app = new MicroMoveApp(connectionString);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/readyz")).Status);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("DELETE FROM micromove.__ef_migrations_history", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (status, body) = await GetAsync(app, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("not applied", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(MicroMoveApp app, string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }
}
