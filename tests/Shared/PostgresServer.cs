using System.Net;
using System.Net.Sockets;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MicroMove.Tests.Support;

/// <summary>
/// One real PostgreSQL per test assembly. MICROMOVE_TEST_POSTGRES names a server (a
/// connection string whose user may create databases); without it a throw-away local
/// cluster is started from the machine's PostgreSQL binaries, as the zero-config run does.
/// Each test gets its own database, cloned from a migrated template.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ServerVariable = "MICROMOVE_TEST_POSTGRES";
    private const string TemplateName = "micromove_test_template";

    private LocalPostgresCluster? _cluster;
    private string? _clusterFolder;
    private string _adminConnectionString = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
        }
        else
        {
            // Under /tmp so that the unprivileged server account can reach it when tests run as root.
            _clusterFolder = Path.Combine(Path.GetTempPath(), $"micromove-tests-{Guid.NewGuid():N}");
            var options = new LocalPostgresOptions
            {
                DataDirectory = Path.Combine(_clusterFolder, "postgres"),
                Port = FreeLoopbackPort(),
                Ephemeral = true,
            };
            _cluster = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance, CancellationToken.None);
            _adminConnectionString = _cluster.ConnectionStringFor("postgres");
        }

        await DropDatabaseAsync(TemplateName);
        await ExecuteAsync($"CREATE DATABASE {TemplateName}");
        await MigrateAsync(ConnectionStringFor(TemplateName));
        NpgsqlConnection.ClearAllPools();
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database }.ConnectionString;

    /// <summary>A fresh, migrated database of its own; dropped with the server.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var name = $"mm_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return ConnectionStringFor(name);
    }

    /// <summary>A fresh database with no schema at all, for migration tests.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"mm_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static async Task MigrateAsync(string connectionString)
    {
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMicroMoveDatabase(connectionString)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync(CancellationToken.None);
        }

        if (_clusterFolder is not null && Directory.Exists(_clusterFolder))
        {
            Directory.Delete(_clusterFolder, recursive: true);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
