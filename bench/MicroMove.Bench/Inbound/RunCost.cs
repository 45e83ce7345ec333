using System.Diagnostics;
using System.Globalization;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// What a run cost, read before and after it: processor time of this process (the bot, the fakes
/// and the callers all run here) and of the bench's PostgreSQL, and the database commands the
/// bot's Npgsql started. On a shared machine throughput swings with the neighbours' load; the
/// cost per request hardly does, so it is the figure to compare before and after a change.
/// </summary>
internal sealed class RunCost : IDisposable
{
    private readonly ActivityListener _listener;
    private long _commands;

    public RunCost()
    {
        // Npgsql starts one activity per command (a batch is one), once anyone listens to its source.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = _ => Interlocked.Increment(ref _commands),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public Snapshot Take(BenchDatabase server) => new(
        Process.GetCurrentProcess().TotalProcessorTime, server.PostgresProcessorTime(), Interlocked.Read(ref _commands), LoadAverage());

    public static string Describe(Snapshot before, Snapshot after, int requests)
    {
        var process = (after.Process - before.Process).TotalMilliseconds / requests;
        var postgres = after.Postgres is { } end && before.Postgres is { } start
            ? string.Create(CultureInfo.InvariantCulture, $"{(end - start).TotalMilliseconds / requests:0.000} ms")
            : "n/a";
        var commands = (double)(after.Commands - before.Commands) / requests;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"    cost per request: CPU {process:0.000} ms in the bench process (bot + fakes + callers), {postgres} in PostgreSQL; "
            + $"{commands:0.00} database commands; load average {before.LoadAverage} → {after.LoadAverage}");
    }

    public void Dispose() => _listener.Dispose();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal sealed record Snapshot(TimeSpan Process, TimeSpan? Postgres, long Commands, string LoadAverage);
}
