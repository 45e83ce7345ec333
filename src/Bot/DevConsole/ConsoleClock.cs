namespace MicroMove.Bot.DevConsole;

/// <summary>
/// The console run's clock: real time plus an offset the console can jump forward (stored in
/// <c>dev_console_clock</c>, so every replica agrees within a second). Timers and timestamps
/// follow real time, so waits like <c>Task.Delay(…, clock)</c> behave as usual.
/// </summary>
internal sealed class ConsoleClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void SetOffset(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Real time, for computing a new offset.</summary>
    public static DateTimeOffset RealNow() => System.GetUtcNow();
}
