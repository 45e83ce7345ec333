using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>What MicroMove does, then its commands and replies as two fact sets (usage → meaning).</summary>
internal static class HelpCard
{
    public static IEnumerable<JsonObject> Body(HelpMessage help) =>
    [
        Heading("MicroMove help"),
        Text(help.Intro),
        Text("**Commands**", separator: true),
        FactSet(help.Commands.Select(entry => (entry.Usage, entry.Meaning))),
        Text("**Replies to a prompt**", separator: true),
        FactSet(help.Replies.Select(entry => (entry.Usage, entry.Meaning))),
    ];
}
