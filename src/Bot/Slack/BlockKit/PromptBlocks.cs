using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>A set to do now: title, why it helps, each movement with steps and breath, the tip, then the buttons.</summary>
internal static class PromptBlocks
{
    public const string ActionsBlockId = "mm_prompt_actions";

    /// <summary>Two blocks per movement plus at most six others must stay within Slack's 50 blocks.</summary>
    public const int MaxMovements = (BlockKitLimits.BlocksPerMessage - 6) / 2;

    public static IEnumerable<JsonNode> For(MovementPromptMessage prompt)
    {
        yield return Header(prompt.Title);
        yield return Section($"*Why it helps:* {Escape(prompt.WhyItHelps)}");
        foreach (var (movement, index) in prompt.Movements.Take(MaxMovements).Select((m, i) => (m, i + 1)))
        {
            var steps = string.Join('\n', movement.Steps.Select(step => $"• {Escape(step)}"));
            yield return Section($"*{index}. {Escape(movement.Name)}* · {Escape(movement.Reps)} · {Escape(movement.Tempo)}\n{steps}");
            yield return Context($"🌬️ {Escape(movement.Breath)}");
        }

        if (prompt.Notes.Count > 0)
        {
            yield return Context(prompt.Notes.Select(note => $"_{Escape(note)}_"));
        }

        yield return Context($"💡 *Tip:* {Escape(prompt.Tip)}");
        yield return Actions(ActionsBlockId, [.. prompt.Actions.Select(Button), RatingSelect(prompt.FatigueBefore)]);
    }
}
