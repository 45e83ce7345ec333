using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// The delete confirmation: what goes, the warning, a destructive "Delete my data" and "Keep my data".
/// Teams has no confirm dialog for Action.Execute, so this card is the confirmation step.
/// </summary>
internal static class DeleteConfirmationCard
{
    public static IEnumerable<JsonObject> Body(DeleteConfirmationMessage confirmation)
    {
        var delete = Execute(confirmation.Delete);
        delete["style"] = "destructive";
        if (delete["fallback"] is JsonObject fallback)
        {
            fallback["style"] = "destructive";
        }

        return
        [
            Heading(confirmation.Title),
            Text("**This deletes:**"),
            BulletList(confirmation.WhatGoes),
            Text($"⚠️ {confirmation.Warning}", subtle: true),
            ActionSet([delete, Execute(confirmation.Keep)]),
        ];
    }
}
