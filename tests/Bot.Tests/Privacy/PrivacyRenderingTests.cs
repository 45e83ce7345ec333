using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Privacy;

/// <summary>How the export link and the delete confirmation look on Slack and Teams.</summary>
public sealed class PrivacyRenderingTests
{
    private static DeleteConfirmationMessage Confirmation =>
        Assert.IsType<DeleteConfirmationMessage>(MessageSamples.All("/micromove ")["delete-confirmation"]);

    private static DataExportMessage Export =>
        Assert.IsType<DataExportMessage>(MessageSamples.All("/micromove ")["data-export"]);

    [Fact]
    public void Slack_DeleteConfirmation_HasADangerButtonWithAConfirmDialog_AndAKeepButton()
    {
        var payload = BlockKitRenderer.Render(Confirmation);

        var buttons = JsonWalk.OfType(payload, "button").ToList();
        Assert.Equal([SlackActionIds.DeleteMyData, SlackActionIds.KeepMyData], buttons.Select(b => (string?)b["action_id"]));
        var delete = buttons[0];
        Assert.Equal("danger", (string?)delete["style"]);
        Assert.Equal(DeleteConfirmationMessage.DialogTitle, (string?)delete["confirm"]?["title"]?["text"]);
        Assert.Equal("plain_text", (string?)delete["confirm"]?["confirm"]?["type"]);
        Assert.Equal("danger", (string?)delete["confirm"]?["style"]);
        Assert.Null(buttons[1]["style"]);
        Assert.Null(buttons[1]["confirm"]);
        Assert.All(buttons, b => Assert.Equal(
            new ParsedAction(SlackActionIds.TryGetKind((string?)b["action_id"], out var kind) ? kind.Value : default, Confirmation.Reference, null),
            SlackActionValue.Parse((string?)b["action_id"], (string?)b["value"]).Action));
        Assert.Contains("42 logged sets", payload.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Check(payload));
    }

    [Fact]
    public void BlockKitLimits_CatchABadConfirmDialog()
    {
        var payload = BlockKitRenderer.Render(Confirmation);
        var delete = JsonWalk.OfType(payload, "button").First();
        delete["confirm"]!["title"]!["text"] = new string('x', BlockKitLimits.ConfirmTitle + 1);
        delete["confirm"]!["deny"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "No" };
        delete["style"] = "red";

        var problems = BlockKitLimits.Check(payload);

        Assert.Contains(problems, p => p.Contains("confirm.title", StringComparison.Ordinal) && p.Contains("> 100", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("confirm.deny: must be plain_text", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("style: 'red'", StringComparison.Ordinal));
    }

    [Fact]
    public void Slack_Export_IsALinkWithTheSummaryAndHowLongItWorks_WithoutButtons()
    {
        var payload = BlockKitRenderer.Render(Export);
        var text = string.Join('\n', JsonWalk.OfType(payload, "mrkdwn").Select(t => (string?)t["text"]));

        Assert.Contains($"<{Export.DownloadUrl.AbsoluteUri}|{DataExportMessage.LinkLabel}>", text, StringComparison.Ordinal);
        Assert.Contains("42 sets logged since 3 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("1 hour", text, StringComparison.Ordinal);
        Assert.Empty(JsonWalk.OfType(payload, "button"));
        Assert.Empty(BlockKitLimits.Check(payload));
    }

    [Fact]
    public void Teams_DeleteConfirmation_HasADestructiveExecute_AndKeep_BothCarryingTheOwnersReference()
    {
        var card = AdaptiveCardRenderer.Render(Confirmation);

        var actions = JsonWalk.OfType(card, "Action.Execute").ToList();
        Assert.Equal([TeamsVerbs.DeleteMyData, TeamsVerbs.KeepMyData], actions.Select(a => (string?)a["verb"]));
        Assert.Equal("destructive", (string?)actions[0]["style"]);
        Assert.Equal("destructive", (string?)actions[0]["fallback"]?["style"]);
        Assert.Null(actions[1]["style"]);
        Assert.All(actions, a => Assert.Equal(Confirmation.Reference, (string?)a["data"]?["reference"]));
    }

    [Fact]
    public void Teams_Export_OpensTheLink()
    {
        var card = AdaptiveCardRenderer.Render(Export);

        var open = Assert.Single(JsonWalk.OfType(card, "Action.OpenUrl"));
        Assert.Equal(Export.DownloadUrl.AbsoluteUri, (string?)open["url"]);
        Assert.Contains("1 hour", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/micromove ")]
    public void Help_ListsExportAndDeleteMyData(string prefix)
    {
        var help = HelpMessage.For(prefix);

        Assert.Contains(help.Commands, c => c.Usage == $"{prefix}export");
        Assert.Contains(help.Commands, c => c.Usage == $"{prefix}delete-my-data");
    }
}
