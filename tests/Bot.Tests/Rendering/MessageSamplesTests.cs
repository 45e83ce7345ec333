using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Rendering;

public sealed class MessageSamplesTests
{
    [Fact]
    public void Samples_CoverEveryMessageKind()
    {
        var kinds = typeof(BotMessage).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(BotMessage)) && !type.IsAbstract);

        var sampled = MessageSamples.All(string.Empty).Values.Select(message => message.GetType()).ToHashSet();

        Assert.All(kinds, kind => Assert.Contains(kind, sampled));
    }

    [Fact]
    public void Samples_CoverEveryVariant()
    {
        var samples = MessageSamples.All(string.Empty);

        Assert.Contains(samples.Values.OfType<MovementPromptMessage>(), p => p.IsInstant);
        Assert.Contains(samples.Values.OfType<MovementPromptMessage>(), p => !p.IsInstant && p.FatigueBefore.Selected is null);
        Assert.Contains(samples.Values.OfType<MovementPromptMessage>(), p => p.FatigueBefore.Selected is not null);
        Assert.Contains(samples.Values.OfType<SetDoneMessage>(), d => d.FatigueAfter is not null);
        Assert.Contains(samples.Values.OfType<SetDoneMessage>(), d => d.Before is not null && d.After is not null);
        Assert.Contains(samples.Values.OfType<NoticeMessage>(), n => n.IsCorrection);
        Assert.Contains(samples.Values.OfType<NoticeMessage>(), n => !n.IsCorrection);
        Assert.Contains(samples.Values.OfType<WeeklySummaryMessage>(), s => s.ChartUrl is not null);
        Assert.Contains(samples.Values.OfType<WeeklySummaryMessage>(), s => s.ChartUrl is null && s.Title.Contains("so far", StringComparison.Ordinal));
        Assert.Equal(2, samples.Values.OfType<SetClosedMessage>().Count());
        Assert.Contains(samples.Values.OfType<ScheduleSettingsMessage>(), s => !s.IsSaved && s.Errors.Count == 0);
        Assert.Contains(samples.Values.OfType<ScheduleSettingsMessage>(), s => s.Errors.Count > 0);
        Assert.Contains(samples.Values.OfType<ScheduleSettingsMessage>(), s => s.IsSaved);
    }

    [Fact]
    public void Samples_ComeFromTheDomain_WithAdviceAndFigures()
    {
        var summary = Assert.IsType<WeeklySummaryMessage>(MessageSamples.All(string.Empty)["summary-with-chart"]);

        Assert.NotEmpty(summary.Advice);
        Assert.Contains(summary.Facts, fact => fact.Label == "Completion" && fact.Value.Contains("of 7 prompts", StringComparison.Ordinal));
        var circuit = Assert.IsType<MovementPromptMessage>(MessageSamples.All(string.Empty)["prompt-end-of-day-circuit"]);
        Assert.True(circuit.Movements.Count >= 4);
    }

    [Fact]
    public void Samples_AreTheSameEveryTime()
    {
        var first = MessageSamples.All("/micromove ");
        var second = MessageSamples.All("/micromove ");

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.Equal(pair.Value.FallbackText, second[pair.Key].FallbackText));
    }

    [Fact]
    public void HelpSample_UsesThePlatformsCommandPrefix()
    {
        var slack = Assert.IsType<HelpMessage>(MessageSamples.All("/micromove ")["help"]);
        var teams = Assert.IsType<HelpMessage>(MessageSamples.All(string.Empty)["help"]);

        Assert.StartsWith("/micromove ", slack.Commands[0].Usage, StringComparison.Ordinal);
        Assert.DoesNotContain('/', teams.Commands[0].Usage);
    }
}
