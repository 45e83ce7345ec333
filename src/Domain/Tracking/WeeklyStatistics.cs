using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// A person's week of micro-movements, from the article's log: what was prompted and
/// done, the work-day streak, fatigue before and after, and where the body stays tight.
/// Built by <see cref="WeeklyStatisticsCalculator"/>.
/// </summary>
public sealed record WeeklyStatistics(
    DateOnly FirstDay,
    Completion Completion,
    int SetsDone,
    int InstantSetsDone,
    WorkDayStreak Streak,
    double? AverageFatigueBefore,
    double? AverageFatigueAfter,
    double? AverageFatigueChange,
    IReadOnlyDictionary<BodyRegion, int> SetsPerRegion,
    RegionTightness? TightestRegion,
    IReadOnlyList<MovementFigures> Movements,
    IReadOnlyList<DailyFigures> Days)
{
    public DateOnly LastDay => FirstDay.AddDays(WeeklyStatisticsCalculator.DaysInWeek - 1);

    /// <summary>Prompts delivered to the person this week (skipped ones are not counted).</summary>
    public int SetsPrompted => Completion.Prompted;

    /// <summary>Log entries of the week linked to a delivered prompt; at most <see cref="SetsPrompted"/>.</summary>
    public int PromptedSetsDone => Completion.Done;

    /// <summary>Done prompted sets ÷ prompted sets, 0..1; null when nothing was prompted.</summary>
    public double? CompletionRate => Completion.Rate;

    public int CurrentStreak => Streak.Current;

    public int BestStreak => Streak.Best;
}
