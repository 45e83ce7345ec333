using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Slack.BlockKit;

public sealed class SlackActionValueTests
{
    /// <summary>Every kind with a number it may carry: ratings 1–5, snooze minutes, an optional pause length.</summary>
    public static TheoryData<ActionKind, int?> EveryKind() => new()
    {
        { ActionKind.Done, null },
        { ActionKind.Snooze, 10 },
        { ActionKind.Skip, null },
        { ActionKind.RateBefore, 1 },
        { ActionKind.RateAfter, 5 },
        { ActionKind.InstantSet, null },
        { ActionKind.Pause, 120 },
        { ActionKind.Pause, null },
        { ActionKind.Resume, null },
        { ActionKind.OpenSettings, null },
        { ActionKind.JoinChallenge, null },
        { ActionKind.DeleteMyData, null },
        { ActionKind.KeepMyData, null },
        { ActionKind.SaveSchedule, null },
    };

    [Fact]
    public void EveryKind_IsCovered()
    {
        Assert.Equal(Enum.GetValues<ActionKind>(), EveryKind().Select(row => (ActionKind)row.Data.Item1).Distinct());
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Button_RoundTrips(ActionKind kind, int? value)
    {
        var button = SlackBlocks.Button(new MessageAction(kind, "Label", "d-42|odd:ref", value));

        var parsed = SlackActionValue.Parse((string?)button["action_id"], (string?)button["value"]);

        Assert.True(parsed.IsOurs, parsed.NotOursReason);
        Assert.Equal(new ParsedAction(kind, "d-42|odd:ref", value), parsed.Action);
    }

    [Theory]
    [InlineData(ActionKind.RateBefore)]
    [InlineData(ActionKind.RateAfter)]
    public void RatingOption_RoundTrips(ActionKind kind)
    {
        var select = SlackBlocks.RatingSelect(new RatingChoice(kind, "d-7", "How?", null));

        var parsed = (select["options"]?.AsArray() ?? [])
            .Select(option => SlackActionValue.Parse((string?)select["action_id"], (string?)option?["value"]))
            .ToList();

        Assert.All(parsed, p => Assert.True(p.IsOurs));
        Assert.Equal([1, 2, 3, 4, 5], parsed.Select(p => p.Action?.Value));
        Assert.All(parsed, p => Assert.Equal(kind, p.Action?.Kind));
    }

    [Fact]
    public void EveryActionInEverySample_ParsesBackToItsMessageAction()
    {
        foreach (var message in MessageSamples.All("/micromove ").Values)
        {
            var payload = BlockKitRenderer.Render(message);
            foreach (var button in JsonWalk.OfType(payload, "button"))
            {
                Assert.True(SlackActionValue.Parse((string?)button["action_id"], (string?)button["value"]).IsOurs);
            }
        }

        var prompt = Assert.IsType<MovementPromptMessage>(MessageSamples.All(string.Empty)["prompt-routine"]);
        var buttons = JsonWalk.OfType(BlockKitRenderer.Render(prompt), "button").ToList();
        Assert.Equal(
            prompt.Actions.Select(a => new ParsedAction(a.Kind, a.Reference, a.Value)),
            buttons.Select(b => SlackActionValue.Parse((string?)b["action_id"], (string?)b["value"]).Action));
    }

    [Fact]
    public void RepeatedKindsInOneBlock_GetUniqueIds_ThatStillParse()
    {
        var block = SlackBlocks.Actions("b", [
            SlackBlocks.Button(new MessageAction(ActionKind.Snooze, "10 min", "d-1", 10)),
            SlackBlocks.Button(new MessageAction(ActionKind.Snooze, "30 min", "d-1", 30)),
        ]);
        var ids = (block["elements"]?.AsArray() ?? []).Select(e => (string?)e?["action_id"]).ToList();

        Assert.Equal(["mm_snooze", "mm_snooze:2"], ids);
        Assert.Equal(30, SlackActionValue.Parse(ids[1], "30|d-1").Action?.Value);
    }

    [Theory]
    [InlineData(null, "|d-1")]
    [InlineData("", "|d-1")]
    [InlineData("approve_request", "|d-1")]
    [InlineData("MM_DONE", "|d-1")]
    [InlineData("mm_donex", "|d-1")]
    public void ForeignActionIds_AreNotOurs(string? actionId, string value)
    {
        var parsed = SlackActionValue.Parse(actionId, value);

        Assert.False(parsed.IsOurs);
        Assert.Contains("not a MicroMove action id", parsed.NotOursReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mm_done", null)]
    [InlineData("mm_done", "")]
    [InlineData("mm_done", "d-1")]
    [InlineData("mm_done", "|")]
    [InlineData("mm_done", "3|d-1")]
    [InlineData("mm_snooze", "|d-1")]
    [InlineData("mm_snooze", "0|d-1")]
    [InlineData("mm_snooze", "ten|d-1")]
    [InlineData("mm_rate_after", "6|d-1")]
    [InlineData("mm_rate_before", "0|d-1")]
    [InlineData("mm_rate_before", "99999999999|d-1")]
    [InlineData("mm_pause", "-5|d-1")]
    public void MalformedValues_AreNotOurs_WithAReason(string actionId, string? value)
    {
        var parsed = SlackActionValue.Parse(actionId, value);

        Assert.False(parsed.IsOurs);
        Assert.False(string.IsNullOrWhiteSpace(parsed.NotOursReason));
    }

    [Fact]
    public void Format_RejectsReferencesThatWouldNotFitAnOptionValue()
    {
        Assert.Throws<ArgumentException>(() => SlackActionValue.Format(new string('r', SlackActionValue.MaxReferenceLength + 1), 5));
        Assert.True(SlackActionValue.Format(new string('r', SlackActionValue.MaxReferenceLength), 5).Length <= BlockKitLimits.OptionValue);
    }
}
