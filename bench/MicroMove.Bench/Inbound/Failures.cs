namespace MicroMove.Bench.Inbound;

/// <summary>Prints the first few failures of a run, so a broken benchmark says why.</summary>
internal static class Failures
{
    private static int _reported;

    /// <summary>Starts counting again (each run reports its own first failures).</summary>
    public static void Reset() => Interlocked.Exchange(ref _reported, 0);

    public static void Report(string reason)
    {
        if (Interlocked.Increment(ref _reported) <= 5)
        {
            Console.WriteLine($"  failure: {reason}");
        }
    }
}
