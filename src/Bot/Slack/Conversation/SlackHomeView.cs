using System.Text.Json.Nodes;
using MicroMove.Domain.Messages;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack;

/// <summary>The App Home tab: the schedule in words, the pause, this week's numbers and quick buttons.</summary>
internal static class SlackHomeView
{
    /// <summary>The reference the Home buttons carry (they are about the person, not a set).</summary>
    public const string Reference = "home";

    public const int PauseMinutes = 60;

    public static JsonObject Build(string scheduleWords, string? pausedUntil, int setsThisWeek, IReadOnlyList<string> recentLines)
    {
        var blocks = new JsonArray
        {
            Header("MicroMove"),
            Section($"*Your schedule*\n{Escape(scheduleWords)}"),
            Section(pausedUntil is null ? "*Prompts:* on" : $"*Prompts:* paused until {Escape(pausedUntil)}"),
            Divider(),
            Section($"*This week:* {setsThisWeek} {(setsThisWeek == 1 ? "set" : "sets")} done"),
        };
        if (recentLines.Count > 0)
        {
            blocks.Add(Section($"*Recent sets*\n{Escape(string.Join('\n', recentLines))}"));
        }

        blocks.Add(Actions("mm_home_actions", [
            Button(new MessageAction(ActionKind.InstantSet, "Set now", Reference, IsPrimary: true)),
            Button(new MessageAction(ActionKind.Pause, "Pause 1 h", Reference, PauseMinutes)),
            Button(new MessageAction(ActionKind.Resume, "Resume", Reference)),
            Button(new MessageAction(ActionKind.OpenSettings, "Schedule…", Reference)),
        ]));
        blocks.Add(Context("Type `/micromove help` for every command."));
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }

    /// <summary>The Home tab after the person deleted their data: nothing of theirs is shown any more.</summary>
    public static JsonObject Forgotten() => new()
    {
        ["type"] = "home",
        ["blocks"] = new JsonArray
        {
            Header("MicroMove"),
            Section("MicroMove holds no data about you. Write to me or type `/micromove help` to start again."),
        },
    };
}
