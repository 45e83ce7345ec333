using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>The prompt after Done: "Done ✓", the movements, the ratings so far and, until answered, "and now?".</summary>
internal static class SetDoneBlocks
{
    /// <summary>A block id of its own, so Slack does not carry the "before" select's state over.</summary>
    public const string RateAfterBlockId = "mm_rate_after";

    public static IEnumerable<JsonNode> For(SetDoneMessage done)
    {
        yield return Section($"*Done ✓* {Escape(done.Title)}");
        if (done.MovementNames.Count > 0)
        {
            yield return Context(Escape(string.Join(" · ", done.MovementNames)));
        }

        switch (done.Before, done.After)
        {
            case ({ } before, { } after):
                yield return Section($"Fatigue *{Escape(RatingChoice.LabelOf(before.Value))}* → *{Escape(RatingChoice.LabelOf(after.Value))}*");
                break;
            case (_, { } after):
                yield return Section($"Fatigue now *{Escape(RatingChoice.LabelOf(after.Value))}*");
                break;
            case ({ } before, _):
                yield return Context($"Before: {Escape(RatingChoice.LabelOf(before.Value))}");
                break;
        }

        if (done.FatigueAfter is { } question)
        {
            yield return Section(Escape(question.Question), RatingSelect(question), RateAfterBlockId);
        }
    }
}
