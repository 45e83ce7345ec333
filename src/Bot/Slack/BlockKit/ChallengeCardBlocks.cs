using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// A team challenge: header, rules and dates, the leaderboard as one section (a line per place, so
/// ten rows stay far inside a section's 3,000 characters), "and N more", and Join while it runs.
/// </summary>
internal static class ChallengeCardBlocks
{
    public const string ActionsBlockId = "mm_challenge_actions";

    public static IEnumerable<JsonNode> For(ChallengeCardMessage card)
    {
        yield return Header(card.Heading);
        yield return Section($"{Escape(card.RulesLine)}\n📅 {Escape(card.DatesLine)} · *{Escape(card.StatusLine)}*");
        yield return Divider();
        if (card.Standings.Count == 0)
        {
            yield return Section(card.IsResults ? "_Nobody took part this time._" : "_Nobody has joined yet: be the first!_");
        }
        else
        {
            var lines = card.Standings.Select(s => $"{s.Place} *{Escape(s.Name)}* · {Escape(s.Figures)}");
            var more = card.MoreCount > 0 ? $"\n_…and {card.MoreCount} more_" : string.Empty;
            yield return Section($"{string.Join('\n', lines)}{more}");
        }

        var context = new List<string>();
        if (card.Note is { Length: > 0 } note)
        {
            context.Add(Escape(note));
        }

        context.Add(Escape(ChallengeCardMessage.PrivacyLine));
        yield return Context(context);
        if (card.Join is { } join)
        {
            yield return Actions(ActionsBlockId, [Button(join)]);
        }
    }
}
