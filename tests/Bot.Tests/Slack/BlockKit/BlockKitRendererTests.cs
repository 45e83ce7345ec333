using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Slack.BlockKit;

public sealed class BlockKitRendererTests
{
    private static readonly IReadOnlyDictionary<string, BotMessage> Samples = MessageSamples.All("/micromove ");

    public static TheoryData<string> SampleNames() => [.. Samples.Keys];

    private static JsonObject Render(string name) => BlockKitRenderer.Render(Samples[name]);

    private static JsonArray Blocks(JsonObject payload) => payload["blocks"]?.AsArray() ?? [];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EverySample_StaysWithinBlockKitLimits(string name)
    {
        Assert.Empty(BlockKitLimits.Check(Render(name)));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EverySample_HasTheFallbackTextAndBlocks(string name)
    {
        var payload = Render(name);

        Assert.Equal(SlackBlocks.Escape(Samples[name].FallbackText), (string?)payload["text"]);
        Assert.NotEmpty(Blocks(payload));
    }

    [Fact]
    public void Prompt_HasHeaderWhyMovementsTipAndActions()
    {
        var prompt = Assert.IsType<MovementPromptMessage>(Samples["prompt-routine"]);
        var blocks = Blocks(Render("prompt-routine"));

        Assert.Equal("header", (string?)blocks[0]?["type"]);
        Assert.Equal(prompt.Title, (string?)blocks[0]?["text"]?["text"]);
        Assert.StartsWith("*Why it helps:*", (string?)blocks[1]?["text"]?["text"], StringComparison.Ordinal);
        foreach (var movement in prompt.Movements)
        {
            var section = Assert.Single(JsonWalk.OfType(blocks, "section"), s => ((string?)s["text"]?["text"] ?? string.Empty).Contains(movement.Name, StringComparison.Ordinal));
            var text = (string?)section["text"]?["text"] ?? string.Empty;
            Assert.Contains(movement.Reps, text, StringComparison.Ordinal);
            Assert.Contains($"• {movement.Steps[0]}", text, StringComparison.Ordinal);
        }

        Assert.Contains(JsonWalk.OfType(blocks, "mrkdwn"), t => ((string?)t["text"] ?? string.Empty).Contains("💡 *Tip:*", StringComparison.Ordinal));
        Assert.Equal("actions", (string?)blocks[^1]?["type"]);
    }

    [Fact]
    public void Prompt_OffersDonePrimary_SnoozeSkip_AndABeforeRating()
    {
        var actions = Blocks(Render("prompt-routine"))[^1]?["elements"]?.AsArray() ?? [];

        Assert.Equal(
            [SlackActionIds.Done, SlackActionIds.Snooze, SlackActionIds.Skip, SlackActionIds.RateBefore],
            actions.Select(a => (string?)a?["action_id"]));
        Assert.Equal("primary", (string?)actions[0]?["style"]);
        Assert.Null(actions[1]?["style"]);
        Assert.Equal("Snooze 10 min", (string?)actions[1]?["text"]?["text"]);
        var select = actions[3]?.AsObject() ?? [];
        Assert.Equal("static_select", (string?)select["type"]);
        Assert.Equal(5, select["options"]?.AsArray().Count);
        Assert.Null(select["initial_option"]);
    }

    [Fact]
    public void RatedPrompt_ShowsTheChosenRating()
    {
        var select = JsonWalk.OfType(Render("prompt-routine-rated-before"), "static_select").Single();

        Assert.Equal("3|d-1042", (string?)select["initial_option"]?["value"]);
    }

    [Fact]
    public void InstantPrompt_OffersOnlyDoneAndTheRating()
    {
        var actions = Blocks(Render("prompt-instant"))[^1]?["elements"]?.AsArray() ?? [];

        Assert.Equal([SlackActionIds.Done, SlackActionIds.RateBefore], actions.Select(a => (string?)a?["action_id"]));
    }

    [Fact]
    public void Done_AsksForTheAfterRating_InASectionSelect()
    {
        var blocks = Blocks(Render("done-asking-after"));

        Assert.StartsWith("*Done ✓*", (string?)blocks[0]?["text"]?["text"], StringComparison.Ordinal);
        var asking = blocks[^1]?.AsObject() ?? [];
        Assert.Equal(SetDoneBlocks.RateAfterBlockId, (string?)asking["block_id"]);
        Assert.Equal(SlackActionIds.RateAfter, (string?)asking["accessory"]?["action_id"]);
    }

    [Fact]
    public void Done_WithBothRatings_ShowsBeforeToAfter_AndNoMoreChoices()
    {
        var payload = Render("done-before-after");

        Assert.Contains(JsonWalk.OfType(payload, "mrkdwn"), t => (string?)t["text"] == "Fatigue *4 · tired* → *2 · fine*");
        Assert.DoesNotContain(JsonWalk.Objects(payload), o => o.ContainsKey("action_id"));
    }

    [Theory]
    [InlineData("closed-skipped")]
    [InlineData("closed-snoozed")]
    [InlineData("notice")]
    [InlineData("help")]
    public void ClosedNoticeAndHelp_HaveNoActions(string name)
    {
        Assert.DoesNotContain(JsonWalk.Objects(Render(name)), o => o.ContainsKey("action_id"));
    }

    [Fact]
    public void Correction_IsMarked()
    {
        var text = (string?)Blocks(Render("notice-correction"))[0]?["text"]?["text"];

        Assert.StartsWith(NoticeBlocks.CorrectionMarker, text, StringComparison.Ordinal);
        Assert.Contains("`done 3`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsEveryCommandAsCode()
    {
        var help = Assert.IsType<HelpMessage>(Samples["help"]);
        var text = string.Concat(JsonWalk.OfType(Render("help"), "mrkdwn").Select(t => (string?)t["text"]));

        Assert.All(help.Commands, command => Assert.Contains($"`{command.Usage}`", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_ShowsFactsAsFields_AdviceAsList_AndTheChartWithAltText()
    {
        var summary = Assert.IsType<WeeklySummaryMessage>(Samples["summary-with-chart"]);
        var payload = Render("summary-with-chart");

        var fields = JsonWalk.Objects(payload).Where(o => o.ContainsKey("fields")).SelectMany(o => o["fields"]?.AsArray() ?? []).ToList();
        Assert.Equal(summary.Facts.Count, fields.Count);
        Assert.StartsWith($"*{summary.Facts[0].Label}*\n", (string?)fields[0]?["text"], StringComparison.Ordinal);
        Assert.Contains(JsonWalk.OfType(payload, "mrkdwn"), t => ((string?)t["text"] ?? string.Empty).StartsWith("*What to adjust*\n• ", StringComparison.Ordinal));
        var image = JsonWalk.OfType(payload, "image").Single();
        Assert.Equal(summary.ChartUrl?.AbsoluteUri, (string?)image["image_url"]);
        Assert.Equal(summary.ChartAltText, (string?)image["alt_text"]);
    }

    [Fact]
    public void SummaryWithoutChart_HasNoImage()
    {
        Assert.Empty(JsonWalk.OfType(Render("summary-without-chart"), "image"));
    }

    [Fact]
    public void UserText_IsEscapedForMrkdwn()
    {
        var payload = BlockKitRenderer.Render(new NoticeMessage("Tom & Jerry <@U123>"));

        Assert.Equal("Tom &amp; Jerry &lt;@U123&gt;", (string?)Blocks(payload)[0]?["text"]?["text"]);
    }

    [Fact]
    public void OversizedText_IsShortenedToTheLimits_WithoutBreakingEmojiOrEntities()
    {
        var huge = string.Concat(Enumerable.Repeat("💪 & ", 2000));
        var facts = Enumerable.Range(1, 23).Select(i => new SummaryFact($"Fact {i} {huge}", huge)).ToList();
        var summary = new WeeklySummaryMessage(huge, facts, [huge, huge], new Uri("https://micromove.example/c.png"), huge);

        var payload = BlockKitRenderer.Render(summary);

        Assert.Empty(BlockKitLimits.Check(payload));
        Assert.Equal(3, JsonWalk.Objects(payload).Count(o => o.ContainsKey("fields")));
        Assert.DoesNotContain(JsonWalk.OfType(payload, "mrkdwn"), t => ((string?)t["text"] ?? string.Empty).EndsWith("&am…", StringComparison.Ordinal));
    }

    [Fact]
    public void LimitsCheck_ReportsBreaches()
    {
        var payload = new JsonObject
        {
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 151) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "broken \uD83D" } }),
        };

        var problems = BlockKitLimits.Check(payload);

        Assert.Contains(problems, p => p.StartsWith("text: missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("151 chars > 150", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("surrogate", StringComparison.Ordinal));
    }
}
