using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// A team challenge: heading, rules and dates, the leaderboard as a FactSet (place and name →
/// figures), "and N more", and Join as an Action.Execute while it runs.
/// </summary>
internal static class ChallengeCard
{
    public static IEnumerable<JsonObject> Body(ChallengeCardMessage card)
    {
        yield return Heading(card.Heading);
        yield return Text(card.RulesLine, subtle: true);
        yield return Text($"📅 {card.DatesLine} · **{card.StatusLine}**");
        if (card.Standings.Count == 0)
        {
            yield return Text(card.IsResults ? "_Nobody took part this time._" : "_Nobody has joined yet: be the first!_", separator: true);
        }
        else
        {
            yield return Container([FactSet(card.Standings.Select(s => ($"{s.Place} {s.Name}", s.Figures)))]);
            if (card.MoreCount > 0)
            {
                yield return Text($"_…and {card.MoreCount} more_", subtle: true);
            }
        }

        if (card.Note is { Length: > 0 } note)
        {
            yield return Text(note, separator: true);
        }

        yield return Text(ChallengeCardMessage.PrivacyLine, subtle: true);
        if (card.Join is { } join)
        {
            yield return ActionSet([Execute(join)]);
        }
    }
}
