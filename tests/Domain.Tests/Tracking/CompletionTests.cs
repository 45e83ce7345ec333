using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using static MicroMove.Domain.Tests.Tracking.TrackingFixtures;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class CompletionTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Fact]
    public void Calculate_MoreDoneSetsThanPrompts_RateStaysAtOne()
    {
        // One prompt, answered three times ("done" pressed again, and a late duplicate).
        PromptedSet[] prompts = [Prompt(At(Monday, 9), RoutineKind.StartOfDay)];
        LogEntry[] log =
        [
            Done(At(Monday, 9, 1), RoutineKind.StartOfDay, 3, 2, MovementId.AnklePumps),
            Done(At(Monday, 9, 2), RoutineKind.StartOfDay, 3, 2, MovementId.AnklePumps),
            Done(At(Monday, 11), RoutineKind.StartOfDay, 3, 2, MovementId.AnklePumps),
        ];

        var statistics = Calculate(Monday, prompts, log);

        Assert.Equal(3, statistics.SetsDone);
        Assert.Equal(1, statistics.SetsPrompted);
        Assert.Equal(1, statistics.PromptedSetsDone);
        Assert.Equal(1.0, statistics.CompletionRate);
    }

    [Fact]
    public void Calculate_NothingPrompted_RateIsNull()
    {
        var statistics = Calculate(Monday, [], [Done(At(Monday, 9), null, 3, 2, MovementId.AnklePumps)]);

        Assert.Equal(0, statistics.SetsPrompted);
        Assert.Equal(1, statistics.SetsDone);
        Assert.Null(statistics.CompletionRate);
    }

    [Theory]
    [InlineData(PromptStatus.Skipped)]
    [InlineData(PromptStatus.Missed)]
    public void Calculate_PromptNeverDelivered_IsNotPrompted(PromptStatus status)
    {
        // Even a set of that routine done right after does not make it prompted.
        var statistics = Calculate(
            Monday,
            [Prompt(At(Monday, 9), RoutineKind.StartOfDay, status)],
            [Done(At(Monday, 9, 5), RoutineKind.StartOfDay, null, null, MovementId.AnklePumps)]);

        Assert.Equal(0, statistics.SetsPrompted);
        Assert.Equal(0, statistics.PromptedSetsDone);
        Assert.Null(statistics.CompletionRate);
    }

    [Fact]
    public void Calculate_InstantSets_DoNotInflateTheRate()
    {
        PromptedSet[] prompts = [Prompt(At(Monday, 9), RoutineKind.StartOfDay), Prompt(At(Monday, 13), RoutineKind.AfterLunch)];
        LogEntry[] log =
        [
            Done(At(Monday, 9, 5), RoutineKind.StartOfDay, null, null, MovementId.AnklePumps),
            Done(At(Monday, 10), null, null, null, MovementId.AnklePumps),
            Done(At(Monday, 14), null, null, null, MovementId.SeatedCatCow),
        ];

        var statistics = Calculate(Monday, prompts, log);

        Assert.Equal(3, statistics.SetsDone);
        Assert.Equal(2, statistics.InstantSetsDone);
        Assert.Equal(0.5, statistics.CompletionRate);
    }

    [Fact]
    public void Calculate_DoneSetOfAnotherRoutine_DoesNotAnswerThePrompt()
    {
        var statistics = Calculate(
            Monday,
            [Prompt(At(Monday, 9), RoutineKind.StartOfDay)],
            [Done(At(Monday, 9, 5), RoutineKind.EndOfDay, null, null, MovementId.AnklePumps)]);

        Assert.Equal(0.0, statistics.CompletionRate);
    }

    [Fact]
    public void Calculate_DoneBeforeThePromptWasDue_DoesNotAnswerIt()
    {
        var statistics = Calculate(
            Monday,
            [Prompt(At(Monday, 9), RoutineKind.StartOfDay)],
            [Done(At(Monday, 8, 55), RoutineKind.StartOfDay, null, null, MovementId.AnklePumps)]);

        Assert.Equal(0.0, statistics.CompletionRate);
    }

    [Fact]
    public void Calculate_DoneLongAfterTheResponseWindow_DoesNotAnswerThePrompt()
    {
        // Monday's prompt, "done" on Wednesday: past the 12-hour window.
        var statistics = Calculate(
            Monday,
            [Prompt(At(Monday, 9), RoutineKind.StartOfDay)],
            [Done(At(Monday.AddDays(2), 9), RoutineKind.StartOfDay, null, null, MovementId.AnklePumps)]);

        Assert.Equal(0.0, statistics.CompletionRate);
    }

    [Fact]
    public void Calculate_TwoPromptsOfARoutineAndTwoAnswers_LinksBoth()
    {
        // 10:00 and 10:30 prompts; the 10:00 one answered late at 10:35, the 10:30 one at 10:40.
        PromptedSet[] prompts =
        [
            Prompt(At(Monday, 10), RoutineKind.Every30Minutes),
            Prompt(At(Monday, 10, 30), RoutineKind.Every30Minutes),
        ];
        LogEntry[] log =
        [
            Done(At(Monday, 10, 35), RoutineKind.Every30Minutes, null, null, MovementId.AnklePumps),
            Done(At(Monday, 10, 40), RoutineKind.Every30Minutes, null, null, MovementId.AnklePumps),
        ];

        Assert.Equal(1.0, Calculate(Monday, prompts, log).CompletionRate);
    }

    [Fact]
    public void Completion_MoreDoneThanPrompted_IsRejected() =>
        Assert.Throws<DomainException>(() => new Completion(2, 3));

    [Fact]
    public void Completion_NegativeCounts_AreRejected()
    {
        Assert.Throws<DomainException>(() => new Completion(-1, 0));
        Assert.Throws<DomainException>(() => new Completion(1, -1));
    }

    [Fact]
    public void Completion_NothingPrompted_HasNoRate() => Assert.Null(Completion.None.Rate);
}
