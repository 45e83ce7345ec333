using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// The settings message on Slack: the schedule in words with a button that opens the schedule dialog
/// (Slack edits in a modal, not in the message), the reasons a save failed, or "saved" and the next set.
/// </summary>
internal static class ScheduleSettingsBlocks
{
    public static IEnumerable<JsonNode> For(ScheduleSettingsMessage settings)
    {
        var title = settings.IsSaved ? "Schedule saved ✓" : "Your schedule";
        yield return Section($"*{title}*\n{Escape(settings.Description)}", Button(settings.Edit));
        if (settings.IsSaved && settings.NextSet is { } next)
        {
            yield return Context(Escape(next));
        }

        if (settings.Errors.Count > 0)
        {
            yield return Context(settings.Errors.OrderBy(pair => pair.Key).Select(pair => $"⚠️ {Escape(pair.Value)}"));
        }
    }
}
