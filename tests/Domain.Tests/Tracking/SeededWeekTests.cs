using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

/// <summary>
/// One hand-built week in Berlin (CET, UTC+1), Monday 3 to Sunday 9 March 2025, work days
/// Monday–Friday, statistics as of Sunday 23:59. Every figure is worked out by hand below.
/// </summary>
public sealed class SeededWeekTests
{
    private const double Precision = 1e-9;

    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static DateOnly Day(int offset) => Monday.AddDays(offset);

    //  #   local time   routine      movements (region)                       before after
    //  e1  Mon 09:05    StartOfDay   scapular (U), ankle pumps (L)             3     2
    //  e2  Mon 13:10    AfterLunch   hip flexor twists (L), windmills (U)      4     3
    //  e3  Tue 10:02    Every30Min   knee extensions (L), cat-cow (S)          3     3
    //  e4  Tue 11:00    instant      neck waves (U)                            2     –
    //      Wed          nothing
    //  e5  Thu 09:00    StartOfDay   scapular (U), ankle pumps (L)             –     –
    //  e6  Thu 16:00    PreMeeting   neck waves (U), lateral slides (S)        4     2
    //  e7  Fri 17:30    EndOfDay     scapular (U), hip twists (L), cat-cow (S) 5     4
    //  e8  Sat 11:00    instant      ankle pumps (L)                           2     1
    private static readonly LogEntry[] ThisWeek =
    [
        Done(At(Day(0), 9, 5), RoutineKind.StartOfDay, 3, 2, MovementId.ScapularRetractionPulses, MovementId.AnklePumps),
        Done(At(Day(0), 13, 10), RoutineKind.AfterLunch, 4, 3, MovementId.SeatedHipFlexorTwists, MovementId.ArmWindmills),
        Done(At(Day(1), 10, 2), RoutineKind.Every30Minutes, 3, 3, MovementId.KneeExtensionsWithIsometricHold, MovementId.SeatedCatCow),
        Done(At(Day(1), 11), null, 2, null, MovementId.NeckFlexionExtensionWaves),
        Done(At(Day(3), 9), RoutineKind.StartOfDay, null, null, MovementId.ScapularRetractionPulses, MovementId.AnklePumps),
        Done(At(Day(3), 16), RoutineKind.PreMeeting, 4, 2, MovementId.NeckFlexionExtensionWaves, MovementId.LateralFlexionSlides),
        Done(At(Day(4), 17, 30), RoutineKind.EndOfDay, 5, 4, MovementId.ScapularRetractionPulses, MovementId.SeatedHipFlexorTwists, MovementId.SeatedCatCow),
        Done(At(Day(5), 11), null, 2, 1, MovementId.AnklePumps),
    ];

    // The previous week: one set each work day, Mon 24 – Fri 28 February.
    // Spine (cat-cow) was rated after 3 on Mon and 2 on Tue: average 2.5.
    private static readonly LogEntry[] PreviousWeek =
    [
        Done(At(Day(-7), 10), RoutineKind.Every30Minutes, 3, 3, MovementId.SeatedCatCow, MovementId.AnklePumps),
        Done(At(Day(-6), 10), RoutineKind.Every30Minutes, 3, 2, MovementId.SeatedCatCow, MovementId.SeatedHipFlexorTwists),
        Done(At(Day(-5), 10), RoutineKind.Every30Minutes, 3, 3, MovementId.ScapularRetractionPulses),
        Done(At(Day(-4), 10), RoutineKind.Every30Minutes, 3, 3, MovementId.ScapularRetractionPulses),
        Done(At(Day(-3), 10), RoutineKind.Every30Minutes, 3, 3, MovementId.ScapularRetractionPulses),
    ];

    // Two weeks back: Mon 17, Tue 18, (Wed 19 missed), Thu 20, Fri 21 February.
    private static readonly LogEntry[] TwoWeeksBack = [DoneOn(Day(-14)), DoneOn(Day(-13)), DoneOn(Day(-11)), DoneOn(Day(-10))];

    //  prompt          routine      status   answered by
    //  Mon 09:00       StartOfDay   sent     e1
    //  Mon 13:00       AfterLunch   sent     e2
    //  Mon 15:00       Every30Min   sent     –
    //  Tue 10:00       Every30Min   sent     e3
    //  Tue 14:00       PreMeeting   skipped  (not delivered: not prompted)
    //  Wed 09:00       StartOfDay   sent     –
    //  Wed 13:00       AfterLunch   missed   (the bot failed to deliver it: not prompted)
    //  Thu 09:00       StartOfDay   sent     e5
    //  Thu 16:00       PreMeeting   sent     e6
    //  Fri 10:00       Every30Min   sent     –
    //  Fri 17:30       EndOfDay     sent     e7
    //  prev Fri 10:00  Every30Min   sent     (outside the week: ignored)
    private static readonly PromptedSet[] Prompts =
    [
        Prompt(At(Day(0), 9), RoutineKind.StartOfDay),
        Prompt(At(Day(0), 13), RoutineKind.AfterLunch),
        Prompt(At(Day(0), 15), RoutineKind.Every30Minutes),
        Prompt(At(Day(1), 10), RoutineKind.Every30Minutes),
        Prompt(At(Day(1), 14), RoutineKind.PreMeeting, PromptStatus.Skipped),
        Prompt(At(Day(2), 9), RoutineKind.StartOfDay),
        Prompt(At(Day(2), 13), RoutineKind.AfterLunch, PromptStatus.Missed),
        Prompt(At(Day(3), 9), RoutineKind.StartOfDay),
        Prompt(At(Day(3), 16), RoutineKind.PreMeeting),
        Prompt(At(Day(4), 10), RoutineKind.Every30Minutes),
        Prompt(At(Day(4), 17, 30), RoutineKind.EndOfDay),
        Prompt(At(Day(-3), 10), RoutineKind.Every30Minutes),
    ];

    private static WeeklyStatistics Statistics() =>
        Calculate(Monday, Prompts, [.. TwoWeeksBack, .. PreviousWeek, .. ThisWeek], asOf: At(Day(6), 23, 59));

    [Fact]
    public void Calculate_SeededWeek_CountsPromptedAndDoneSets()
    {
        var statistics = Statistics();

        Assert.Equal(Monday, statistics.FirstDay);
        Assert.Equal(new DateOnly(2025, 3, 9), statistics.LastDay);
        // 11 prompts in the week, 1 skipped and 1 missed: 9 sent.
        Assert.Equal(9, statistics.SetsPrompted);
        // e1–e8.
        Assert.Equal(8, statistics.SetsDone);
        // e4 and e8.
        Assert.Equal(2, statistics.InstantSetsDone);
        // e1, e2, e3, e5, e6, e7 answer a prompt: 6 of 9.
        Assert.Equal(6, statistics.PromptedSetsDone);
        Assert.Equal(6.0 / 9.0, statistics.CompletionRate ?? double.NaN, Precision);
    }

    [Fact]
    public void Calculate_SeededWeek_StreaksCountWorkDaysOnly()
    {
        var statistics = Statistics();

        // As of Sunday: Thu and Fri done, Wed missed; Sat (e8) is not a work day and does not extend it.
        Assert.Equal(2, statistics.CurrentStreak);
        // Thu 20, Fri 21, Mon 24 – Fri 28, Mon 3, Tue 4: nine work days across two weekends.
        Assert.Equal(9, statistics.BestStreak);
    }

    [Fact]
    public void Calculate_SeededWeek_AveragesFatigueOverRatedEntries()
    {
        var statistics = Statistics();

        // Before: e1 3, e2 4, e3 3, e4 2, e6 4, e7 5, e8 2 = 23 / 7.
        Assert.Equal(23.0 / 7.0, statistics.AverageFatigueBefore ?? double.NaN, Precision);
        // After: e1 2, e2 3, e3 3, e6 2, e7 4, e8 1 = 15 / 6 = 2.5.
        Assert.Equal(2.5, statistics.AverageFatigueAfter ?? double.NaN, Precision);
        // Rated both ways: e1 −1, e2 −1, e3 0, e6 −2, e7 −1, e8 −1 = −6 / 6 = −1.
        Assert.Equal(-1.0, statistics.AverageFatigueChange ?? double.NaN, Precision);
    }

    [Fact]
    public void Calculate_SeededWeek_CountsSetsPerRegion()
    {
        var statistics = Statistics();

        // Upper: e1 e2 e4 e5 e6 e7; lower: e1 e2 e3 e5 e7 e8; spine: e3 e6 e7.
        Assert.Equal(6, statistics.SetsPerRegion[BodyRegion.UpperBody]);
        Assert.Equal(6, statistics.SetsPerRegion[BodyRegion.LowerBody]);
        Assert.Equal(3, statistics.SetsPerRegion[BodyRegion.Spine]);
    }

    [Fact]
    public void Calculate_SeededWeek_FindsTheTightestRegionAndItsTrend()
    {
        var statistics = Statistics();

        // After, per region: upper 2,3,2,4 = 2.75; lower 2,3,3,4,1 = 2.6; spine 3,2,4 = 3.0.
        // Spine last week: 3, 2 = 2.5; 3.0 − 2.5 = +0.5 ≥ 0.3: worsening.
        Assert.Equal(
            new RegionTightness(BodyRegion.Spine, 3.0, 3, 2.5, TightnessTrend.Worsening),
            statistics.TightestRegion);
    }

    [Fact]
    public void Calculate_SeededWeek_SummarisesEachMovement()
    {
        var statistics = Statistics();

        MovementFigures[] expected =
        [
            new(MovementId.ScapularRetractionPulses, 3, 2, 3.0, 4),        // e1 2, e5 –, e7 4
            new(MovementId.NeckFlexionExtensionWaves, 2, 1, 2.0, 2),       // e4 –, e6 2
            new(MovementId.ArmWindmills, 1, 1, 3.0, 3),                    // e2 3
            new(MovementId.AnklePumps, 3, 2, 1.5, 2),                      // e1 2, e5 –, e8 1
            new(MovementId.SeatedHipFlexorTwists, 2, 2, 3.5, 4),           // e2 3, e7 4
            new(MovementId.KneeExtensionsWithIsometricHold, 1, 1, 3.0, 3), // e3 3
            new(MovementId.SeatedCatCow, 2, 2, 3.5, 4),                    // e3 3, e7 4
            new(MovementId.LateralFlexionSlides, 1, 1, 2.0, 2),            // e6 2
        ];
        Assert.Equal(expected, statistics.Movements);
        Assert.DoesNotContain(statistics.Movements, figures => figures.FeelsEffortless);
    }

    [Fact]
    public void Calculate_SeededWeek_GivesOneFigureForEachDay()
    {
        var days = Statistics().Days;

        // date, work day, sets, before, after, upper, lower, spine
        (DateOnly Date, bool Work, int Sets, double? Before, double? After, int Upper, int Lower, int Spine)[] expected =
        [
            (Day(0), true, 2, 3.5, 2.5, 2, 2, 0),   // e1, e2: before (3+4)/2, after (2+3)/2
            (Day(1), true, 2, 2.5, 3.0, 1, 1, 1),   // e3, e4: before (3+2)/2, after e3 only
            (Day(2), true, 0, null, null, 0, 0, 0),
            (Day(3), true, 2, 4.0, 2.0, 2, 1, 1),   // e5 unrated, e6
            (Day(4), true, 1, 5.0, 4.0, 1, 1, 1),   // e7
            (Day(5), false, 1, 2.0, 1.0, 0, 1, 0),  // e8
            (Day(6), false, 0, null, null, 0, 0, 0),
        ];
        Assert.Equal(
            expected,
            days.Select(d => (d.Date, d.IsWorkDay, d.SetsDone, d.AverageFatigueBefore, d.AverageFatigueAfter,
                d.SetsPerRegion[BodyRegion.UpperBody], d.SetsPerRegion[BodyRegion.LowerBody], d.SetsPerRegion[BodyRegion.Spine])));
    }

    [Fact]
    public void Advise_SeededWeek_Encourages()
    {
        // Completion 67 %, fatigue −1, leg work every busy day, nothing effortless, and the
        // back (3.0 after sets) is worsening but below the 3.5 bar of "tight": nothing to adjust.
        var advice = Assert.Single(AdjustmentAdvisor.Advise(Statistics()));

        Assert.Equal(AdviceKind.Encouragement, advice.Kind);
        Assert.Equal("Good week: 8 sets done, fatigue down 1 after each set on average and a 2-work-day streak. Keep it up!", advice.Text);
    }
}
