using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Teams.AdaptiveCards;

public sealed class AdaptiveCardRendererTests
{
    private static readonly IReadOnlyDictionary<string, BotMessage> Samples = MessageSamples.All(string.Empty);

    private static readonly HashSet<string> KnownTypes =
    [
        "AdaptiveCard", "TextBlock", "FactSet", "Image", "Container", "ActionSet", "Action.Execute", "Action.Submit", "Action.OpenUrl",
        "ColumnSet", "Column", "Input.ChoiceSet", "Input.Time", "Input.Number", "Input.Toggle", "Input.Text",
    ];

    public static TheoryData<string> SampleNames() => [.. Samples.Keys];

    private static JsonObject Render(string name) => AdaptiveCardRenderer.Render(Samples[name]);

    private static IEnumerable<string> Texts(JsonObject card) =>
        JsonWalk.OfType(card, "TextBlock").Select(block => (string?)block["text"] ?? string.Empty);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EverySample_IsAVersion15Card_UnderTheTeamsSizeLimit(string name)
    {
        var card = Render(name);

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal(AdaptiveCardRenderer.Schema, (string?)card["$schema"]);
        Assert.Equal(Samples[name].FallbackText, (string?)card["fallbackText"]);
        Assert.InRange(TeamsCardEnvelope.SizeInBytes(card), 1, TeamsCardEnvelope.MaxCardBytes);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EverySample_UsesOnlyKnownElements_WrappedText_AndVerbsOnEveryExecute(string name)
    {
        var card = Render(name);

        Assert.All(JsonWalk.Objects(card).Where(o => o.ContainsKey("type")), o => Assert.Contains((string?)o["type"] ?? string.Empty, KnownTypes));
        Assert.All(JsonWalk.OfType(card, "TextBlock"), block => Assert.True((bool?)block["wrap"]));
        Assert.All(JsonWalk.OfType(card, "Action.Execute"), action =>
        {
            Assert.True(TeamsVerbs.TryGetKind((string?)action["verb"], out _));
            Assert.Equal("Action.Submit", (string?)action["fallback"]?["type"]);
        });
    }

    [Fact]
    public void Prompt_ShowsEveryMovement_TheTip_AndDoneSnoozeSkip()
    {
        var prompt = Assert.IsType<MovementPromptMessage>(Samples["prompt-routine"]);
        var card = Render("prompt-routine");

        Assert.Equal(prompt.Title, Texts(card).First());
        Assert.Equal("heading", (string?)card["body"]?[0]?["style"]);
        Assert.All(prompt.Movements, movement =>
        {
            Assert.Contains(Texts(card), t => t.Contains(movement.Name, StringComparison.Ordinal) && t.Contains(movement.Reps, StringComparison.Ordinal));
            Assert.Contains(Texts(card), t => t == $"🌬️ {movement.Breath}");
            Assert.Contains(Texts(card), t => t.StartsWith($"- {movement.Steps[0]}", StringComparison.Ordinal));
        });
        Assert.Contains(Texts(card), t => t.StartsWith("💡 **Tip:**", StringComparison.Ordinal));
        var lastActions = (card["body"]?.AsArray() ?? [])[^1]?["actions"]?.AsArray() ?? [];
        Assert.Equal([TeamsVerbs.Done, TeamsVerbs.Snooze, TeamsVerbs.Skip], lastActions.Select(a => (string?)a?["verb"]));
        Assert.Equal(10, (int?)lastActions[1]?["data"]?["value"]);
    }

    [Fact]
    public void Prompt_AsksTheBeforeRating_WithFiveOneClickButtons()
    {
        var card = Render("prompt-routine");

        var ratings = JsonWalk.OfType(card, "Action.Execute").Where(a => (string?)a["verb"] == TeamsVerbs.RateBefore).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], ratings.Select(a => (string?)a["title"]));
        Assert.Equal([1, 2, 3, 4, 5], ratings.Select(a => (int?)a["data"]?["value"]));
        Assert.All(ratings, a => Assert.Equal("d-1042", (string?)a["data"]?["reference"]));
    }

    [Fact]
    public void RatedPrompt_SaysWhatWasChosen()
    {
        Assert.Contains(Texts(Render("prompt-routine-rated-before")), t => t.Contains("you said **3 · a bit stiff**", StringComparison.Ordinal));
    }

    [Fact]
    public void InstantPrompt_OffersOnlyDone_BesideTheRating()
    {
        var verbs = JsonWalk.OfType(Render("prompt-instant"), "Action.Execute").Select(a => (string?)a["verb"]).Distinct();

        Assert.Equal([TeamsVerbs.RateBefore, TeamsVerbs.Done], verbs);
    }

    [Fact]
    public void Done_AsksAndNow_ThenShowsBeforeAndAfter()
    {
        var asking = Render("done-asking-after");
        var answered = Render("done-before-after");

        Assert.StartsWith("Done ✓", Texts(asking).First(), StringComparison.Ordinal);
        Assert.Equal(5, JsonWalk.OfType(asking, "Action.Execute").Count(a => (string?)a["verb"] == TeamsVerbs.RateAfter));
        Assert.Empty(JsonWalk.OfType(answered, "Action.Execute"));
        var facts = JsonWalk.OfType(answered, "FactSet").Single()["facts"]?.AsArray() ?? [];
        Assert.Equal(["Before", "After"], facts.Select(f => (string?)f?["title"]));
        Assert.Equal(["4 · tired", "2 · fine"], facts.Select(f => (string?)f?["value"]));
    }

    [Theory]
    [InlineData("closed-skipped")]
    [InlineData("closed-snoozed")]
    [InlineData("notice")]
    [InlineData("notice-correction")]
    [InlineData("help")]
    [InlineData("summary-with-chart")]
    public void MessagesWithoutActions_HaveNoButtons(string name)
    {
        Assert.Empty(JsonWalk.OfType(Render(name), "Action.Execute"));
    }

    [Fact]
    public void Correction_IsMarked()
    {
        Assert.StartsWith(NoticeCard.CorrectionMarker, Texts(Render("notice-correction")).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsCommandsAndRepliesAsFacts()
    {
        var help = Assert.IsType<HelpMessage>(Samples["help"]);
        var factSets = JsonWalk.OfType(Render("help"), "FactSet").ToList();

        Assert.Equal(2, factSets.Count);
        Assert.Equal(help.Commands.Select(c => c.Usage), (factSets[0]["facts"]?.AsArray() ?? []).Select(f => (string?)f?["title"]));
        Assert.Equal(help.Replies.Count, factSets[1]["facts"]?.AsArray().Count);
    }

    [Fact]
    public void Summary_ShowsFacts_AdviceList_AndTheChartWithAltText()
    {
        var summary = Assert.IsType<WeeklySummaryMessage>(Samples["summary-with-chart"]);
        var card = Render("summary-with-chart");

        var facts = JsonWalk.OfType(card, "FactSet").Single()["facts"]?.AsArray() ?? [];
        Assert.Equal(summary.Facts.Select(f => f.Label), facts.Select(f => (string?)f?["title"]));
        Assert.Contains(Texts(card), t => t.StartsWith($"- {summary.Advice[0]}", StringComparison.Ordinal));
        var image = JsonWalk.OfType(card, "Image").Single();
        Assert.Equal(summary.ChartUrl?.AbsoluteUri, (string?)image["url"]);
        Assert.Equal(summary.ChartAltText, (string?)image["altText"]);
        Assert.Empty(JsonWalk.OfType(Render("summary-without-chart"), "Image"));
        Assert.Empty(JsonWalk.OfType(Render("summary-week-so-far"), "Image"));
    }

    [Fact]
    public void OversizedText_IsCapped()
    {
        var huge = string.Concat(Enumerable.Repeat("💪", 20_000));

        var card = AdaptiveCardRenderer.Render(new NoticeMessage(huge));

        Assert.True(Texts(card).Single().Length <= CardElements.MaxTextLength);
    }
}
