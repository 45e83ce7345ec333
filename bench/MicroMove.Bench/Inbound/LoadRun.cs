using System.Diagnostics;
using System.Globalization;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// A closed-loop load: <c>concurrency</c> callers each run one operation after another until
/// <c>total</c> operations are done. Latency is each operation's own duration; throughput is
/// operations over the wall time of the whole run.
/// </summary>
internal sealed record LoadResult(string Name, int Operations, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
    }

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"  {Name,-44} {PerSecond,9:N0} req/s   p50 {Percentile(50),7:0.00} ms   p99 {Percentile(99),7:0.00} ms   max {Percentile(100),8:0.00} ms   ({Operations:N0} requests, {Failures} failed)");
}

internal static class LoadRun
{
    /// <summary>Runs <paramref name="operation"/> (given a 0-based sequence number) <paramref name="total"/> times.</summary>
    public static async Task<LoadResult> RunAsync(string name, int total, int concurrency, Func<int, Task<bool>> operation)
    {
        Failures.Reset();
        var latencies = new double[total];
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < total)
            {
                var begun = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(index);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException)
                {
                    Failures.Report($"{exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
                    ok = false;
                }

                latencies[index] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new LoadResult(name, total, failures, elapsed, latencies);
    }
}
