using System.Diagnostics;
using System.Globalization;

namespace MicroMove.Bench;

/// <summary>
/// The built bot (src/Bot's output of the bench's configuration) run as its own process, the way
/// an operator runs it, with exactly the given settings. Its output is kept (the last lines) for
/// when something goes wrong.
/// </summary>
internal sealed class BenchBotProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    /// <summary>MICROMOVE_BENCH_BOT_OUTPUT=1 echoes the bot's log to stderr as it runs.</summary>
    private static readonly bool Echo = Environment.GetEnvironmentVariable("MICROMOVE_BENCH_BOT_OUTPUT") == "1";
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private BenchBotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Processor time the bot used so far (user + system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero; // exited
            }
        }
    }

    public string LastLines
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static BenchBotProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var bot = BotAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(bot) ?? ".",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(bot);
        foreach (var name in start.Environment.Keys.Where(n => n.Contains("__", StringComparison.Ordinal) || n.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return new BenchBotProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot."));
    }

    /// <summary>SIGTERM, as a service manager stops it; killed if it has not stopped in 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private static string BotAssembly()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var folder = new DirectoryInfo(here); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MicroMove.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Bot", "bin", configuration, "net10.0", "MicroMove.Bot.dll");
            }
        }

        throw new InvalidOperationException("MicroMove.sln not found above the bench assembly.");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (Echo)
        {
            Console.Error.WriteLine($"[bot] {line}");
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
