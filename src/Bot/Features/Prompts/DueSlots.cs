using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// What a due person is owed right now: every slot from their stored next prompt up to now,
/// of which only the latest is still worth sending (and only while fresh); the rest are
/// missed. After downtime that means one prompt, not a flood.
/// </summary>
internal sealed record DueSlots(IReadOnlyList<SlotOccurrence> Missed, SlotOccurrence? ToSend, DateTimeOffset? NextPromptAt)
{
    /// <summary>After a long outage only this much of the past is walked (missed slots beyond it are not recorded).</summary>
    public static readonly TimeSpan CatchUpHorizon = TimeSpan.FromDays(2);

    public static DueSlots Work(WorkSchedule schedule, TimeZoneInfo zone, DateTimeOffset storedNext, DateTimeOffset now, TimeSpan usefulness)
    {
        var cursor = Max(storedNext - TimeSpan.FromTicks(1), now - CatchUpHorizon);
        var reached = new List<SlotOccurrence>();
        while (NextSlotCalculator.NextAfter(schedule, zone, cursor) is { } slot && slot.DueAt <= now)
        {
            reached.Add(slot);
            cursor = slot.DueAt;
        }

        SlotOccurrence? toSend = null;
        if (reached.Count > 0 && now - reached[^1].DueAt <= usefulness)
        {
            toSend = reached[^1];
            reached.RemoveAt(reached.Count - 1);
        }

        return new DueSlots(reached, toSend, NextSlotCalculator.NextAfter(schedule, zone, now)?.DueAt);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
