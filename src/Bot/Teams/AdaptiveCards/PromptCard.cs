using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>A set to do now: title, why it helps, each movement with steps and breath, the tip, the rating and the buttons.</summary>
internal static class PromptCard
{
    public static IEnumerable<JsonObject> Body(MovementPromptMessage prompt)
    {
        yield return Heading(prompt.Title);
        yield return Text(prompt.WhyItHelps, subtle: true);
        foreach (var (movement, index) in prompt.Movements.Select((m, i) => (m, i + 1)))
        {
            yield return Container(
            [
                Text($"**{index}. {movement.Name}** · {movement.Reps}"),
                Text(movement.Tempo, subtle: true),
                BulletList(movement.Steps),
                Text($"🌬️ {movement.Breath}", subtle: true),
            ]);
        }

        foreach (var note in prompt.Notes)
        {
            yield return Text($"_{note}_", subtle: true);
        }

        yield return Text($"💡 **Tip:** {prompt.Tip}", separator: true);
        foreach (var element in Rating(prompt.FatigueBefore))
        {
            yield return element;
        }

        yield return ActionSet(prompt.Actions.Select(Execute));
    }
}
