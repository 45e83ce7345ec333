using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams.AdaptiveCards;

namespace MicroMove.Bot.Tests.AdaptiveCardsRenderer;

/// <summary>
/// Every Teams sample through the official Adaptive Cards JavaScript renderer (adaptivecards 3.0.6
/// in jsdom, see validate.mjs): it must parse without unknown elements or properties, pass the
/// renderer's own validation and render. Needs node and npm; installs the packages on first run.
/// </summary>
public sealed class AdaptiveCardsRendererTests
{
    private const string InstallStep = "npm ci --prefix tests/Bot.Tests/AdaptiveCardsRenderer";

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ValidateTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task EveryTeamsSample_ParsesValidatesAndRenders_InTheOfficialRenderer()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var folder = ScriptFolder();
        await EnsurePackagesAsync(folder, cancellation);
        var cards = new JsonObject();
        foreach (var (name, message) in MessageSamples.All(string.Empty))
        {
            cards[name] = AdaptiveCardRenderer.Render(message);
        }

        var (exitCode, output, errors) = await RunAsync(folder, "node", "validate.mjs", cards.ToJsonString(), ValidateTimeout, cancellation);

        Assert.True(exitCode == 0, $"validate.mjs failed ({exitCode}): {errors}");
        var report = JsonSerializer.Deserialize<Dictionary<string, string[]>>(output) ?? [];
        Assert.Equal(cards.Select(pair => pair.Key).Order(StringComparer.Ordinal), report.Keys.Order(StringComparer.Ordinal));
        var problems = report.Where(pair => pair.Value.Length > 0).Select(pair => $"{pair.Key}: {string.Join("; ", pair.Value)}").ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task TheCheck_ReportsAnInvalidCard()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var folder = ScriptFolder();
        await EnsurePackagesAsync(folder, cancellation);
        const string cards = """{"broken": {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "Chart.Bogus"}]}}""";

        var (_, output, _) = await RunAsync(folder, "node", "validate.mjs", cards, ValidateTimeout, cancellation);

        var report = JsonSerializer.Deserialize<Dictionary<string, string[]>>(output) ?? [];
        Assert.Contains(report["broken"], problem => problem.Contains("Unknown element type", StringComparison.Ordinal));
    }

    /// <summary>tests/Bot.Tests/AdaptiveCardsRenderer, found from the test binaries upwards.</summary>
    private static string ScriptFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "AdaptiveCardsRenderer");
            if (File.Exists(Path.Combine(candidate, "validate.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Bot.Tests/AdaptiveCardsRenderer/validate.mjs not found above the test binaries.");
    }

    private static async Task EnsurePackagesAsync(string folder, CancellationToken cancellation)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", "adaptivecards")) && Directory.Exists(Path.Combine(folder, "node_modules", "jsdom")))
        {
            return;
        }

        var (exitCode, _, errors) = await RunAsync(folder, "npm", "ci --no-audit --no-fund", null, NpmTimeout, cancellation);
        Assert.True(exitCode == 0, $"Installing the Adaptive Cards renderer failed; run `{InstallStep}` (needs node, npm and the npm registry).\n{errors}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string folder, string program, string arguments, string? input, TimeSpan timeout, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellation);
        }

        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"'{start.FileName}' is not on PATH: the Adaptive Cards renderer check needs node and npm, then `{InstallStep}`.", exception);
        }
    }
}
