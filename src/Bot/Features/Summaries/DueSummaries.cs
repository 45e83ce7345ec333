using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// What a person is owed in weekly summaries right now: every summary from their stored next
/// one up to now, of which only the latest is sent, and only while it is at most
/// <see cref="StillWorthSending"/> late; the rest are missed. A person never seen before (no
/// stored next summary) gets no summary now, only their first due time.
/// </summary>
internal sealed record DueSummaries(IReadOnlyList<SummaryOccurrence> Missed, SummaryOccurrence? ToSend, DateTimeOffset? NextSummaryAt)
{
    /// <summary>A summary later than this (e.g. after an outage over the weekend) is recorded as missed.</summary>
    public static readonly TimeSpan StillWorthSending = TimeSpan.FromHours(12);

    /// <summary>After a long outage only this much of the past is walked.</summary>
    public static readonly TimeSpan CatchUpHorizon = TimeSpan.FromDays(15);

    public static DueSummaries Work(WorkSchedule schedule, TimeZoneInfo zone, DateTimeOffset? storedNext, DateTimeOffset now)
    {
        if (storedNext is not { } stored)
        {
            return new DueSummaries([], null, WeeklySummarySlot.NextAfter(schedule, zone, now)?.DueAt);
        }

        if (stored > now)
        {
            return new DueSummaries([], null, stored);
        }

        var cursor = Max(stored - TimeSpan.FromTicks(1), now - CatchUpHorizon);
        var reached = new List<SummaryOccurrence>();
        while (WeeklySummarySlot.NextAfter(schedule, zone, cursor) is { } summary && summary.DueAt <= now)
        {
            reached.Add(summary);
            cursor = summary.DueAt;
        }

        SummaryOccurrence? toSend = null;
        if (reached.Count > 0 && now - reached[^1].DueAt <= StillWorthSending)
        {
            toSend = reached[^1];
            reached.RemoveAt(reached.Count - 1);
        }

        return new DueSummaries(reached, toSend, WeeklySummarySlot.NextAfter(schedule, zone, now)?.DueAt);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
