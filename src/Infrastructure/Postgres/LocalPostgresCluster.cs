using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MicroMove.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries: the zero-config run
/// and the test suite use it when no connection string is given. It listens on loopback
/// only, signs in with a generated password (kept beside the data folder, readable by
/// its owner only) and, when MicroMove runs as root, runs under an unprivileged account.
/// </summary>
public sealed partial class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "micromove";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    private readonly LocalPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _binDirectory;
    private readonly string? _runAs;
    private bool _stopped;
    private bool _sharedWithAnotherRun;

    private LocalPostgresCluster(LocalPostgresOptions options, ILogger logger, string binDirectory, string dataDirectory, string? runAs)
    {
        _options = options;
        _logger = logger;
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        _runAs = runAs;
    }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    public string ConnectionString => ConnectionStringFor(_options.Database);

    private string Password { get; set; } = string.Empty;

    private string PasswordFile => DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".password";

    /// <summary>The process id of the run that looks after the server (and stops it on exit).</summary>
    private string OwnerFile => DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".owner";

    /// <summary>Starts the cluster (creating it on first use) and makes sure its database exists.</summary>
    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var binDirectory = FindBinaries(options.BinDirectory);
        var runAs = Environment.IsPrivilegedProcess ? await CheckServiceAccountAsync(options.ServiceAccount, cancellationToken) : null;
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? LocalPostgresPaths.DefaultDataDirectory);
        var cluster = new LocalPostgresCluster(options, logger, binDirectory, dataDirectory, runAs);
        await cluster.InitializeIfNewAsync(cancellationToken);
        await cluster.StartServerAsync(cancellationToken);
        await cluster.CreateDatabaseAsync(options.Database, cancellationToken);
        return cluster;
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates a database if it is missing (names: lower-case letters, digits, underscores).</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        if (!SafeDatabaseName().IsMatch(database))
        {
            throw new ArgumentException($"'{database}' is not a plain database name.", nameof(database));
        }

        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (_sharedWithAnotherRun)
        {
            // Another MicroMove run started this server and still uses it: leave it running for that run.
            LogLeftRunning(_logger, DataDirectory);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var result = await PgCtlAsync(["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], cancellationToken);
        if (result.ExitCode == 0)
        {
            LogStopped(_logger, DataDirectory);
        }
        else
        {
            LogStopFailed(_logger, result.Output);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task InitializeIfNewAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await CheckVersionAsync(cancellationToken);
            if (!File.Exists(PasswordFile))
            {
                throw new LocalPostgresException(
                    $"The local PostgreSQL in {DataDirectory} has lost its password file {PasswordFile}. Delete {DataDirectory} to start afresh (its data is lost), or set ConnectionStrings__MicroMove.");
            }

            Password = (await File.ReadAllTextAsync(PasswordFile, cancellationToken)).Trim();
            return;
        }

        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new LocalPostgresException(
                $"{DataDirectory} is not empty and is not a PostgreSQL data folder. Empty it, or set LocalPostgres__DataDirectory to another folder.");
        }

        LogCreating(_logger, DataDirectory);
        PrepareDirectories();
        await GiveToServiceAccountAsync(DataDirectory, cancellationToken);
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var passwordForInitdb = Path.Combine(Path.GetTempPath(), $"micromove-initdb-{Guid.NewGuid():N}");
        try
        {
            WritePrivateFile(passwordForInitdb, Password);
            await GiveToServiceAccountAsync(passwordForInitdb, cancellationToken);
            var initdb = await ToolAsync(
                "initdb",
                ["-D", DataDirectory, "-U", SuperUser, "--auth=scram-sha-256", $"--pwfile={passwordForInitdb}", "-E", "UTF8", "--locale=C", "--no-instructions"],
                cancellationToken);
            if (initdb.ExitCode != 0)
            {
                throw new LocalPostgresException($"initdb could not create the local PostgreSQL in {DataDirectory}: {LastLines(initdb.Output)}");
            }
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }

        // Loopback TCP only; no Unix socket, so nothing depends on /var/run permissions.
        await File.AppendAllTextAsync(
            Path.Combine(DataDirectory, "postgresql.conf"),
            "\n# MicroMove local cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 300\n",
            cancellationToken);
        WritePrivateFile(PasswordFile, Password);
    }

    private void PrepareDirectories()
    {
        var parent = Path.GetDirectoryName(DataDirectory) ?? throw new LocalPostgresException($"{DataDirectory} has no parent folder.");
        Directory.CreateDirectory(parent);
        if (_runAs is not null && !OperatingSystem.IsWindows())
        {
            // The service account must be able to pass through the parent to reach its data.
            File.SetUnixFileMode(parent, File.GetUnixFileMode(parent) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
            Directory.CreateDirectory(DataDirectory);
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        if (_runAs is not null)
        {
            await GiveToServiceAccountAsync(DataDirectory, cancellationToken);
        }

        var status = await PgCtlAsync(["status", "-D", DataDirectory], cancellationToken);
        if (status.ExitCode == 0)
        {
            // Either another MicroMove run is using it (leave it to that run), or a run that did not
            // stop cleanly left it behind (adopt it, and stop it on exit).
            Port = ReadRunningPort();
            _sharedWithAnotherRun = OwnerIsAlive();
            if (!_sharedWithAnotherRun)
            {
                ClaimOwnership();
            }

            LogAdopted(_logger, Port);
            return;
        }

        Port = _options.Port;
        EnsurePortIsFree(Port);
        var serverOptions = $"-p {Port.ToString(CultureInfo.InvariantCulture)}"
            + (_options.Ephemeral ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty);
        var start = await PgCtlAsync(
            ["start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-s", "-o", serverOptions],
            cancellationToken);
        if (start.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"The local PostgreSQL in {DataDirectory} did not start: {LastLines(start.Output + "\n" + ReadServerLog())}");
        }

        ClaimOwnership();
        LogStarted(_logger, Port, DataDirectory);
    }

    private void ClaimOwnership() =>
        WritePrivateFile(OwnerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    private bool OwnerIsAlive()
    {
        if (!File.Exists(OwnerFile) || !int.TryParse(File.ReadAllText(OwnerFile).Trim(), CultureInfo.InvariantCulture, out var owner)
            || owner == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(owner);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process any more
        }
    }

    private int ReadRunningPort()
    {
        // postmaster.pid: line 4 is the port the running server listens on.
        var lines = File.ReadAllLines(Path.Combine(DataDirectory, "postmaster.pid"));
        return lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new LocalPostgresException($"A PostgreSQL runs in {DataDirectory} but its port is unknown; stop it (pg_ctl stop -D {DataDirectory}).");
    }

    private static void EnsurePortIsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException)
        {
            throw new LocalPostgresException(
                $"Port {port} on 127.0.0.1 is taken by another program, so the local PostgreSQL cannot start. Set LocalPostgres__Port to a free port, or point ConnectionStrings__MicroMove at your own PostgreSQL.");
        }
    }

    private async Task CheckVersionAsync(CancellationToken cancellationToken)
    {
        var dataVersion = (await File.ReadAllTextAsync(Path.Combine(DataDirectory, "PG_VERSION"), cancellationToken)).Trim();
        var tool = await ToolAsync("pg_ctl", ["--version"], cancellationToken);
        var binaryVersion = Regex.Match(tool.Output, @"(\d+)").Groups[1].Value;
        if (binaryVersion != dataVersion)
        {
            throw new LocalPostgresException(
                $"The local PostgreSQL in {DataDirectory} was made by PostgreSQL {dataVersion}, but the binaries in {_binDirectory} are version {binaryVersion}. Set LocalPostgres__BinDirectory to PostgreSQL {dataVersion}'s bin folder, or delete {DataDirectory} to start afresh.");
        }
    }

    private Task<ProcessRunner.Result> PgCtlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ToolAsync("pg_ctl", arguments, cancellationToken);

    private Task<ProcessRunner.Result> ToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Path.Combine(_binDirectory, tool), arguments, _runAs, ToolTimeout, cancellationToken);

    private async Task GiveToServiceAccountAsync(string path, CancellationToken cancellationToken)
    {
        if (_runAs is null)
        {
            return;
        }

        var chown = await ProcessRunner.RunAsync("chown", ["-R", $"{_runAs}:", path], null, ToolTimeout, cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new LocalPostgresException($"Could not hand {path} to the account '{_runAs}': {chown.Output}");
        }
    }

    private static async Task<string> CheckServiceAccountAsync(string account, CancellationToken cancellationToken)
    {
        var id = await ProcessRunner.RunAsync("id", ["-u", account], null, ToolTimeout, cancellationToken);
        return id.ExitCode == 0
            ? account
            : throw new LocalPostgresException(
                $"MicroMove runs as root and PostgreSQL refuses to; the account '{account}' that should run it does not exist. Create it (useradd --system {account}), set LocalPostgres__ServiceAccount, or run MicroMove as a normal user.");
    }

    private static string FindBinaries(string? configured)
    {
        static bool HasTools(string folder) =>
            File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasTools(configured)
                ? configured
                : throw new LocalPostgresException($"LocalPostgres__BinDirectory is {configured}, but initdb and pg_ctl are not there.");
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(VersionedFolders())
            .Append("/usr/local/pgsql/bin")
            .Append("/opt/homebrew/bin")
            .Append("/usr/local/bin");
        return candidates.FirstOrDefault(HasTools)
            ?? throw new LocalPostgresException(
                "No PostgreSQL server binaries (initdb, pg_ctl) were found. Install PostgreSQL (on Debian/Ubuntu: apt-get install postgresql), set LocalPostgres__BinDirectory, or set ConnectionStrings__MicroMove to an existing server.");
    }

    /// <summary>Debian keeps each major version in /usr/lib/postgresql/NN/bin, RHEL in /usr/pgsql-NN/bin; prefer the newest.</summary>
    private static IEnumerable<string> VersionedFolders()
    {
        static IEnumerable<(string Bin, int Version)> Under(string parent, string prefix) =>
            Directory.Exists(parent)
                ? Directory.EnumerateDirectories(parent, prefix + "*")
                    .Select(folder => (Path.Combine(folder, "bin"), int.TryParse(Path.GetFileName(folder)[prefix.Length..], CultureInfo.InvariantCulture, out var version) ? version : 0))
                : [];

        return Under("/usr/lib/postgresql", string.Empty)
            .Concat(Under("/usr", "pgsql-"))
            .OrderByDescending(entry => entry.Version)
            .Select(entry => entry.Bin);
    }

    private static void WritePrivateFile(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }

        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    private string ReadServerLog()
    {
        var log = Path.Combine(DataDirectory, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    private static string LastLines(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeDatabaseName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating a local PostgreSQL cluster in {DataDirectory}")]
    private static partial void LogCreating(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local PostgreSQL listening on 127.0.0.1:{Port} (data in {DataDirectory})")]
    private static partial void LogStarted(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local PostgreSQL was already running on 127.0.0.1:{Port}; using it")]
    private static partial void LogAdopted(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local PostgreSQL in {DataDirectory} stopped")]
    private static partial void LogStopped(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local PostgreSQL in {DataDirectory} is left running for the MicroMove run that started it")]
    private static partial void LogLeftRunning(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local PostgreSQL did not stop cleanly: {Output}")]
    private static partial void LogStopFailed(ILogger logger, string output);
}
