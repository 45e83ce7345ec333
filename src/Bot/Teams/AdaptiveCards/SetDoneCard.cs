using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>The card after Done: "Done ✓", the movements, the ratings so far and, until answered, "and now?".</summary>
internal static class SetDoneCard
{
    public static IEnumerable<JsonObject> Body(SetDoneMessage done)
    {
        yield return Heading($"Done ✓ {done.Title}");
        if (done.MovementNames.Count > 0)
        {
            yield return Text(string.Join(" · ", done.MovementNames), subtle: true);
        }

        var ratings = new List<(string, string)>();
        if (done.Before is { } before)
        {
            ratings.Add(("Before", RatingChoice.LabelOf(before.Value)));
        }

        if (done.After is { } after)
        {
            ratings.Add(("After", RatingChoice.LabelOf(after.Value)));
        }

        if (ratings.Count > 0)
        {
            yield return FactSet(ratings);
        }

        if (done.FatigueAfter is { } question)
        {
            foreach (var element in Rating(question))
            {
                yield return element;
            }
        }
    }
}
