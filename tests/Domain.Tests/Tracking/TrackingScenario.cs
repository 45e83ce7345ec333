using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>A generated person's history: their zone and work days, prompts and log around one week.</summary>
public sealed record TrackingScenario(
    TimeZoneInfo TimeZone,
    IReadOnlySet<DayOfWeek> WorkDays,
    DateOnly FirstDay,
    IReadOnlyList<PromptedSet> Prompts,
    IReadOnlyList<LogEntry> Log,
    DateTimeOffset AsOf)
{
    public WeeklyStatistics Calculate() =>
        WeeklyStatisticsCalculator.Calculate(TimeZone, WorkDays, FirstDay, Prompts, Log, AsOf);

    public override string ToString() =>
        $"{TimeZone.Id}, work days [{string.Join(",", WorkDays)}], week of {FirstDay:yyyy-MM-dd}, as of {AsOf:O}, "
        + $"{Prompts.Count} prompts [{string.Join("; ", Prompts.Select(p => $"{p.DueAt:O} {p.Routine} {p.Status}"))}], "
        + $"{Log.Count} entries [{string.Join("; ", Log.Select(e => $"{e.DoneAt:O} {e.Routine} {string.Join("+", e.Movements)} {e.Before}->{e.After}"))}]";
}
