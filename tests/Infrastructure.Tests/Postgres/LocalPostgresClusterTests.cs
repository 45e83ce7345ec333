using System.Net;
using System.Net.Sockets;
using MicroMove.Infrastructure.Postgres;
using MicroMove.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MicroMove.Infrastructure.Tests.Postgres;

/// <summary>The zero-config cluster: kept between runs, stopped on request, clear when it cannot start.</summary>
public sealed class LocalPostgresClusterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"micromove-cluster-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task Start_SecondRunOnTheSameFolder_KeepsTheDataAndThePassword()
    {
        var options = Options(PostgresServer.FreeLoopbackPort());
        await using (var first = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance, TestContext.Current.CancellationToken))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }

        await using var second = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance, TestContext.Current.CancellationToken);
        await using var connection = new NpgsqlConnection(second.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT id FROM kept", connection);
        Assert.Equal(42, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(IPAddress.Loopback.ToString(), new NpgsqlConnectionStringBuilder(second.ConnectionString).Host);
    }

    [Fact]
    public async Task Stop_ServerNoLongerAcceptsConnections()
    {
        var port = PostgresServer.FreeLoopbackPort();
        var cluster = await LocalPostgresCluster.StartAsync(Options(port), NullLogger.Instance, TestContext.Current.CancellationToken);

        await cluster.StopAsync(TestContext.Current.CancellationToken);

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task Start_PortTakenByAnotherProgram_SaysSoAndWhatToDo()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() =>
            LocalPostgresCluster.StartAsync(Options(port), NullLogger.Instance, TestContext.Current.CancellationToken));

        Assert.Contains($"Port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalPostgres__Port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoBinariesWhereConfigured_SaysSo()
    {
        var options = Options(PostgresServer.FreeLoopbackPort()) with { BinDirectory = "/nonexistent/postgres/bin" };

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() =>
            LocalPostgresCluster.StartAsync(options, NullLogger.Instance, TestContext.Current.CancellationToken));

        Assert.Contains("initdb and pg_ctl are not there", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FolderHoldsSomethingElse_RefusesToTouchIt()
    {
        var options = Options(PostgresServer.FreeLoopbackPort());
        Directory.CreateDirectory(options.DataDirectory ?? string.Empty);
        await File.WriteAllTextAsync(Path.Combine(options.DataDirectory ?? string.Empty, "thesis.txt"), "precious", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() =>
            LocalPostgresCluster.StartAsync(options, NullLogger.Instance, TestContext.Current.CancellationToken));

        Assert.Contains("not a PostgreSQL data folder", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(options.DataDirectory ?? string.Empty, "thesis.txt")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private LocalPostgresOptions Options(int port) =>
        new() { DataDirectory = Path.Combine(_folder, "postgres"), Port = port, Ephemeral = true };

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
