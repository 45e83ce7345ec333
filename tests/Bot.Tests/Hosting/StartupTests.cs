using System.Net;
using System.Net.Sockets;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Npgsql;

namespace MicroMove.Bot.Tests.Hosting;

/// <summary>
/// The bot as an operator meets it: zero-config start on a private PostgreSQL, and one
/// clear line (never a stack trace) when it cannot start.
/// </summary>
public sealed class StartupTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(120);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"micromove-startup-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task ZeroConfig_StartsItsOwnPostgres_BecomesReady_AndStopsItOnSigterm()
    {
        var postgresPort = PostgresServer.FreeLoopbackPort();
        var httpPort = PostgresServer.FreeLoopbackPort();
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["LocalPostgres__DataDirectory"] = Path.Combine(_folder, "postgres"),
            ["LocalPostgres__Port"] = postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security__CredentialKey"] = CredentialProtector.NewBase64Key(),
        });

        Assert.True(await WaitUntilReadyAsync(bot, new Uri($"http://127.0.0.1:{httpPort}/readyz")), bot.Output);
        Assert.True(await AcceptsConnectionsAsync(postgresPort));

        await bot.TerminateAsync();
        Assert.Equal(0, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.False(await AcceptsConnectionsAsync(postgresPort), "the private PostgreSQL should stop with the bot");
    }

    [Fact]
    public async Task ConnectionString_NothingListening_ExitsWithOneLineNamingTheServer()
    {
        var closedPort = PostgresServer.FreeLoopbackPort();

        var output = await RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__MicroMove"] = $"Host=127.0.0.1;Port={closedPort};Username=micromove;Password=x;Database=micromove",
            ["Security__CredentialKey"] = CredentialProtector.NewBase64Key(),
        });

        Assert.StartsWith($"MicroMove cannot start: Cannot reach PostgreSQL at 127.0.0.1:{closedPort}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionString_WrongPassword_ExitsWithOneLineAboutTheCredentials()
    {
        var wrong = new NpgsqlConnectionStringBuilder(await server.CreateEmptyDatabaseAsync()) { Password = "wrong-password" };

        var output = await RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__MicroMove"] = wrong.ConnectionString,
            ["Security__CredentialKey"] = CredentialProtector.NewBase64Key(),
        });

        Assert.StartsWith("MicroMove cannot start: PostgreSQL at", output, StringComparison.Ordinal);
        Assert.Contains("refused to sign in", output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZeroConfig_PortTaken_ExitsWithOneLineSayingWhichSettingToChange()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var output = await RunUntilExitAsync(new Dictionary<string, string>
        {
            ["LocalPostgres__DataDirectory"] = Path.Combine(_folder, "postgres"),
            ["LocalPostgres__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security__CredentialKey"] = CredentialProtector.NewBase64Key(),
        });

        Assert.StartsWith($"MicroMove cannot start: Port {port} on 127.0.0.1 is taken", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZeroConfig_NoPostgresBinaries_ExitsWithOneLineSayingHowToGetThem()
    {
        var output = await RunUntilExitAsync(new Dictionary<string, string>
        {
            ["LocalPostgres__DataDirectory"] = Path.Combine(_folder, "postgres"),
            ["LocalPostgres__BinDirectory"] = "/nonexistent/postgresql/bin",
            ["Security__CredentialKey"] = CredentialProtector.NewBase64Key(),
        });

        Assert.StartsWith("MicroMove cannot start: LocalPostgres__BinDirectory is /nonexistent/postgresql/bin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutCredentialKey_RefusesToStart()
    {
        var output = await RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__MicroMove"] = await server.CreateEmptyDatabaseAsync(),
        });

        Assert.StartsWith("MicroMove cannot start: Security__CredentialKey is not set", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Runs the bot until it gives up; returns what it printed, after checking it failed with one line and no stack trace.</summary>
    private static async Task<string> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var bot = BotProcess.Start(settings);
        var exitCode = await bot.WaitForExitAsync(StartupLimit);
        var output = bot.Output.Trim();

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("MicroMove cannot start:", StringComparison.Ordinal));
        return output[output.IndexOf("MicroMove cannot start:", StringComparison.Ordinal)..];
    }

    private static async Task<bool> WaitUntilReadyAsync(BotProcess bot, Uri readyz)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < StartupLimit && !bot.HasExited)
        {
            try
            {
                if ((await http.GetAsync(readyz)).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer within the request timeout: ask again.
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
