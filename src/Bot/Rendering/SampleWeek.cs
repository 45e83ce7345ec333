using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Bot.Rendering;

/// <summary>
/// A small seeded week (Monday 23 November 2026, UTC, Monday–Friday) for the summary samples:
/// a few prompts left unanswered and no leg work on Monday, so the advisor has something to say.
/// </summary>
internal static class SampleWeek
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly IReadOnlySet<DayOfWeek> WorkDays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    private static readonly LogEntry[] Log =
    [
        Done(0, 9, RoutineKind.StartOfDay, 3, 2, MovementId.ScapularRetractionPulses, MovementId.NeckFlexionExtensionWaves),
        Done(0, 13, RoutineKind.AfterLunch, 4, 4, MovementId.ArmWindmills, MovementId.SeatedCatCow),
        Done(1, 10, RoutineKind.Every30Minutes, 4, 3, MovementId.AnklePumps, MovementId.SeatedCatCow),
        Done(1, 15, null, 3, null, MovementId.SeatedHipFlexorTwists),
        Done(2, 9, RoutineKind.StartOfDay, 5, 4, MovementId.ScapularRetractionPulses, MovementId.LateralFlexionSlides),
    ];

    private static readonly PromptedSet[] Prompts =
    [
        new(At(0, 9), RoutineKind.StartOfDay, PromptStatus.Sent),
        new(At(0, 13), RoutineKind.AfterLunch, PromptStatus.Sent),
        new(At(0, 16), RoutineKind.Every30Minutes, PromptStatus.Sent),
        new(At(1, 10), RoutineKind.Every30Minutes, PromptStatus.Sent),
        new(At(1, 14), RoutineKind.PreMeeting, PromptStatus.Sent),
        new(At(1, 17), RoutineKind.EndOfDay, PromptStatus.Sent),
        new(At(2, 9), RoutineKind.StartOfDay, PromptStatus.Sent),
    ];

    /// <summary>The week's sets as the rotation sees them, so the sample prompts follow on from it.</summary>
    public static RotationHistory History { get; } = new(
        [.. Log.Select(entry => new PastSet(entry.DoneAt, entry.Routine, entry.Movements))],
        Log);

    public static WeeklySummaryMessage Summary(Uri? chartUrl, bool soFar)
    {
        var asOf = soFar ? MessageSamples.Now : At(6, 23);
        var week = WeeklyStatisticsCalculator.Calculate(TimeZoneInfo.Utc, WorkDays, Monday, Prompts, Log, asOf);
        return WeeklySummaryMessage.For(week, AdjustmentAdvisor.Advise(week), chartUrl, soFar);
    }

    private static DateTimeOffset At(int day, int hour) =>
        new(Monday.AddDays(day).ToDateTime(new TimeOnly(hour, 5)), TimeSpan.Zero);

    private static LogEntry Done(int day, int hour, RoutineKind? routine, int before, int? after, params MovementId[] movements) =>
        new(At(day, hour), movements, FatigueRating.Create(before), after is { } a ? FatigueRating.Create(a) : null, null, routine);
}
