using System.Diagnostics;

namespace MicroMove.Infrastructure.Postgres;

/// <summary>Runs a PostgreSQL tool, optionally as another account, and captures what it said.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(
        string file, IEnumerable<string> arguments, string? asUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            start.FileName = file;
        }
        else
        {
            start.FileName = "runuser";
            foreach (var prefix in new[] { "-u", asUser, "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The server's messages are read by people and tests; keep them in English.
        start.Environment["LC_MESSAGES"] = "C";

        using var process = Process.Start(start) ?? throw new LocalPostgresException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new LocalPostgresException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new Result(process.ExitCode, (await stdout + await stderr).Trim());
    }
}
