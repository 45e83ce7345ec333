using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Slack.BlockKit;

/// <summary>The settings message on Slack: the schedule in words and a button that opens the schedule dialog.</summary>
public sealed class ScheduleSettingsBlocksTests
{
    private static readonly IReadOnlyDictionary<string, BotMessage> Samples = MessageSamples.All("/micromove ");

    [Theory]
    [InlineData("schedule-settings")]
    [InlineData("schedule-settings-errors")]
    [InlineData("schedule-settings-saved")]
    public void EveryState_DescribesTheSchedule_WithAButtonThatOpensTheDialogForThisPerson(string name)
    {
        var message = Assert.IsType<ScheduleSettingsMessage>(Samples[name]);
        var payload = BlockKitRenderer.Render(message);

        var button = Assert.Single(JsonWalk.OfType(payload, "button"));
        var parsed = SlackActionValue.Parse((string?)button["action_id"], (string?)button["value"]);
        Assert.Equal(new ParsedAction(ActionKind.OpenSettings, message.Reference, null), parsed.Action);
        Assert.Contains(JsonWalk.OfType(payload, "mrkdwn"), t => ((string?)t["text"])?.Contains(SlackBlocks.Escape(message.Description), StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Errors_AreListed_AndSaved_ShowsTheNextSet()
    {
        var invalid = Assert.IsType<ScheduleSettingsMessage>(Samples["schedule-settings-errors"]);
        var saved = Assert.IsType<ScheduleSettingsMessage>(Samples["schedule-settings-saved"]);

        var errorLines = Context(BlockKitRenderer.Render(invalid));
        Assert.Equal(invalid.Errors.Count, errorLines.Count);
        Assert.All(invalid.Errors.Values, error => Assert.Contains(errorLines, line => line.Contains(SlackBlocks.Escape(error), StringComparison.Ordinal)));
        Assert.Equal([saved.NextSet ?? "(none)"], Context(BlockKitRenderer.Render(saved)));
    }

    private static List<string> Context(JsonObject payload) =>
        [.. JsonWalk.OfType(payload, "context").SelectMany(c => c["elements"]?.AsArray() ?? []).Select(e => (string?)e?["text"] ?? string.Empty)];
}
