using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MicroMove.Bench;

/// <summary>
/// The PostgreSQL a benchmark runs on: MICROMOVE_BENCH_POSTGRES (a connection string whose
/// user may create databases), or a throw-away local cluster on loopback, like the tests.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;
    private readonly string? _folder;
    private readonly string _admin;

    private BenchDatabase(LocalPostgresCluster? cluster, string? folder, string admin)
    {
        _cluster = cluster;
        _folder = folder;
        _admin = admin;
    }

    public static async Task<BenchDatabase> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("MICROMOVE_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new BenchDatabase(null, null, external);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"micromove-bench-{Guid.NewGuid():N}");
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cluster = await LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { DataDirectory = Path.Combine(folder, "postgres"), Port = port, Ephemeral = true },
            NullLogger.Instance,
            CancellationToken.None);
        return new BenchDatabase(cluster, folder, cluster.ConnectionStringFor("postgres"));
    }

    /// <summary>A new, migrated database; returns its connection string.</summary>
    public async Task<string> CreateAsync(string name)
    {
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(_admin, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMicroMoveDatabase(connectionString)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>The local cluster's postmaster process id (null on an external server): for counting PostgreSQL's CPU time.</summary>
    public int? PostmasterPid
    {
        get
        {
            var pidFile = _cluster is null ? null : Path.Combine(_cluster.DataDirectory, "postmaster.pid");
            return pidFile is not null && File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
    }

    public async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Processor time (user + system) of the local cluster: its postmaster and every process it
    /// started (backends, writers). Null for MICROMOVE_BENCH_POSTGRES or where /proc is missing.
    /// Backends that exit between two readings take their time with them: read around a run
    /// whose connections stay pooled.
    /// </summary>
    public TimeSpan? PostgresProcessorTime()
    {
        var pidFile = _folder is null ? null : Path.Combine(_folder, "postgres", "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile) || !Directory.Exists("/proc")
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var postmaster))
        {
            return null;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }

            // After the command name in parentheses: state, ppid, … utime (14th field), stime (15th).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (pid == postmaster || fields[1] == postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync(CancellationToken.None);
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
