using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// The delete confirmation: what goes, the warning, then a danger-style "Delete my data" that Slack
/// confirms once more in its own dialog, and "Keep my data".
/// </summary>
internal static class DeleteConfirmationBlocks
{
    public const string ActionsBlockId = "mm_delete_actions";

    public static IEnumerable<JsonNode> For(DeleteConfirmationMessage confirmation)
    {
        var delete = Button(confirmation.Delete);
        delete["style"] = "danger";
        delete["confirm"] = new JsonObject
        {
            ["title"] = PlainText(DeleteConfirmationMessage.DialogTitle, BlockKitLimits.ConfirmTitle),
            ["text"] = PlainText(DeleteConfirmationMessage.DialogText, BlockKitLimits.ConfirmText),
            ["confirm"] = PlainText(DeleteConfirmationMessage.DialogConfirm, BlockKitLimits.ConfirmButton),
            ["deny"] = PlainText(DeleteConfirmationMessage.DialogDeny, BlockKitLimits.ConfirmButton),
            ["style"] = "danger",
        };
        return
        [
            Header(confirmation.Title),
            Section($"*This deletes:*\n{string.Join('\n', confirmation.WhatGoes.Select(item => $"• {Escape(item)}"))}"),
            Context($"⚠️ {Escape(confirmation.Warning)}"),
            Actions(ActionsBlockId, [delete, Button(confirmation.Keep)]),
        ];
    }
}
