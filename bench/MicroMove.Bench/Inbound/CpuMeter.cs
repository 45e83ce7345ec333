using System.Diagnostics;
using System.Globalization;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// CPU time spent during one load run, by this process (the callers and the bot in it) and by the
/// local PostgreSQL (its postmaster's children, read from /proc), and the machine's load average.
/// Throughput on a shared 2-core machine swings with the neighbours' load; CPU time per request
/// swings much less, so before/after comparisons read it first.
/// </summary>
internal sealed class CpuMeter
{
    private readonly int? _postmaster;
    private readonly TimeSpan _processStart;
    private readonly TimeSpan? _postgresStart;
    private readonly string _loadStart;

    private CpuMeter(int? postmaster)
    {
        _postmaster = postmaster;
        _processStart = Process.GetCurrentProcess().TotalProcessorTime;
        _postgresStart = PostgresCpu(postmaster);
        _loadStart = LoadAverage();
    }

    public static CpuMeter Start(int? postmasterPid) => new(postmasterPid);

    /// <summary>One line: CPU µs per operation in this process and in PostgreSQL, and the load average before and after.</summary>
    public string Line(int operations)
    {
        var process = Process.GetCurrentProcess().TotalProcessorTime - _processStart;
        var postgres = PostgresCpu(_postmaster) - _postgresStart;
        var perOp = (TimeSpan cpu) => (cpu.TotalMilliseconds * 1000 / Math.Max(1, operations)).ToString("N0", CultureInfo.InvariantCulture);
        return $"      CPU per request: {perOp(process)} µs in this process (callers + server), "
            + (postgres is { } pg ? $"{perOp(pg)} µs in PostgreSQL" : "PostgreSQL not measured (external server)")
            + $"; load average {_loadStart} → {LoadAverage()}";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>User + system time of the postmaster's children (the backends, writers…), from /proc.</summary>
    private static TimeSpan? PostgresCpu(int? postmaster)
    {
        if (postmaster is not { } parent || !Directory.Exists("/proc"))
        {
            return null;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                // Fields after the parenthesised command: state ppid … utime(14) stime(15), 1-based over the whole line.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        // Linux reports these in clock ticks of USER_HZ, 100 per second on every mainstream build.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
