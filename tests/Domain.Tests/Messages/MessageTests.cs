using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Messages;

public sealed class MessageTests
{
    private static readonly DateTimeOffset NineThirty = new(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);

    private static PlannedSet Every30() =>
        RotationPlanner.Plan(RoutineKind.Every30Minutes, null, NineThirty, NineThirty.AddHours(-9.5), RotationHistory.Empty);

    [Fact]
    public void Prompt_ShowsEveryMovementWithStepsRepsTempoAndBreath()
    {
        var set = Every30();

        var prompt = MovementPromptMessage.For(set, "d-1");

        Assert.Equal(set.Movements.Count, prompt.Movements.Count);
        var catCow = Assert.Single(prompt.Movements, m => m.Movement == MovementId.SeatedCatCow);
        Assert.Equal("6 cycles", catCow.Reps);
        Assert.Equal("About 2 s a phase", catCow.Tempo);
        Assert.Equal("Inhale: arch the back (cow) · Exhale: round the spine (cat)", catCow.Breath);
        Assert.Equal(MovementCatalogue.Get(MovementId.SeatedCatCow).Steps, catCow.Steps);
        Assert.Equal("Spine", catCow.Region);
    }

    [Fact]
    public void Prompt_HoldsShowTheirLengthAndASoftBreath()
    {
        var set = RotationPlanner.Plan(null, SetFocus.Legs, NineThirty, NineThirty.AddHours(-9.5), RotationHistory.Empty);

        var knee = Assert.Single(MovementPromptMessage.For(set, "i-1").Movements, m => m.Movement == MovementId.KneeExtensionsWithIsometricHold);

        Assert.Equal("About 2 s a phase, hold 3 s", knee.Tempo);
        Assert.Contains("Breathe softly: hold the extension", knee.Breath, StringComparison.Ordinal);
        Assert.Equal("8 extensions per leg", knee.Reps);
    }

    [Fact]
    public void RoutinePrompt_OffersDoneSnoozeAndSkip_AllCarryingTheReference()
    {
        var prompt = MovementPromptMessage.For(Every30(), "d-42");

        Assert.Equal([ActionKind.Done, ActionKind.Snooze, ActionKind.Skip], prompt.Actions.Select(a => a.Kind));
        Assert.All(prompt.Actions, a => Assert.Equal("d-42", a.Reference));
        Assert.Equal(10, prompt.Actions.Single(a => a.Kind == ActionKind.Snooze).Value);
        Assert.True(prompt.Actions[0].IsPrimary);
        Assert.Equal(ActionKind.RateBefore, prompt.FatigueBefore.Kind);
        Assert.False(prompt.IsInstant);
        Assert.StartsWith("Every 30 minutes · about", prompt.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void InstantSet_OffersOnlyDone_AndNamesItsFocus()
    {
        var set = RotationPlanner.Plan(null, SetFocus.Hips, NineThirty, NineThirty.AddHours(-9.5), RotationHistory.Empty);

        var prompt = MovementPromptMessage.For(set, "i-7");

        Assert.True(prompt.IsInstant);
        Assert.Equal([ActionKind.Done], prompt.Actions.Select(a => a.Kind));
        Assert.StartsWith("Instant set · hips", prompt.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_TipComesFromTheArticlesMistakes_AndWhyItHelpsNamesTheFatigueSources()
    {
        var set = Every30();

        var prompt = MovementPromptMessage.For(set, "d-1");

        Assert.Contains(MovementCatalogue.Mistakes, m => m.Tip == prompt.Tip);
        Assert.Contains("thoracic rigidity", prompt.WhyItHelps, StringComparison.Ordinal);
        Assert.StartsWith("Eases ", prompt.WhyItHelps, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_FallbackText_NamesTheMovementsAndHowToAnswer()
    {
        var prompt = MovementPromptMessage.For(Every30(), "d-1");

        Assert.Contains("Seated cat-cow (6 cycles)", prompt.FallbackText, StringComparison.Ordinal);
        Assert.Contains("done", prompt.FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_AsksForTheAfterRatingUntilItIsGiven()
    {
        var asking = SetDoneMessage.For("d-1", "Every 30 minutes", ["Ankle pumps"], FatigueRating.Create(3), null);
        var answered = SetDoneMessage.For("d-1", "Every 30 minutes", ["Ankle pumps"], FatigueRating.Create(3), FatigueRating.Create(2));

        Assert.Equal(ActionKind.RateAfter, asking.FatigueAfter?.Kind);
        Assert.Null(answered.FatigueAfter);
        Assert.Equal("Done ✓ Every 30 minutes. Fatigue 3 → 2.", answered.FallbackText);
    }

    [Fact]
    public void RatingScale_IsOneToFive()
    {
        Assert.Equal([1, 2, 3, 4, 5], RatingChoice.Scale.Select(o => o.Value));
        Assert.Equal("5 · very tired", RatingChoice.LabelOf(5));
    }

    [Fact]
    public void Help_ListsEverySubcommandWithThePlatformsPrefix()
    {
        var slack = HelpMessage.For("/micromove ");

        Assert.Contains(slack.Commands, c => c.Usage.StartsWith("/micromove now", StringComparison.Ordinal));
        Assert.Equal(11, slack.Commands.Count);
        foreach (var word in new[] { "pause", "resume", "schedule", "stats", "log", "challenge start", "challenge join", "export", "delete-my-data", "help" })
        {
            Assert.Contains(slack.Commands, c => c.Usage.StartsWith("/micromove " + word, StringComparison.Ordinal));
        }

        Assert.Contains(slack.Replies, r => r.Usage == "snooze 15");
        Assert.DoesNotContain(HelpMessage.For(string.Empty).Commands, c => c.Usage.StartsWith('/'));
    }

    [Theory]
    [InlineData(30, "30 s")]
    [InlineData(40, "45 s")]
    [InlineData(60, "1 min")]
    [InlineData(150, "3 min")]
    public void Minutes_RoundsToWhatAPersonWouldSay(int seconds, string text)
    {
        Assert.Equal(text, MovementPromptMessage.Minutes(TimeSpan.FromSeconds(seconds)));
    }
}
