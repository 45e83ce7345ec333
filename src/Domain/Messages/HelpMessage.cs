namespace MicroMove.Domain.Messages;

/// <summary>What MicroMove does and every command it understands.</summary>
public sealed record HelpMessage(string Intro, IReadOnlyList<HelpEntry> Commands, IReadOnlyList<HelpEntry> Replies) : BotMessage
{
    public override string FallbackText => $"{Intro} Commands: {string.Join(", ", Commands.Select(c => c.Usage))}.";

    /// <summary>The help text; <paramref name="commandPrefix"/> is "/micromove " on Slack and "" in Teams.</summary>
    public static HelpMessage For(string commandPrefix) => new(
        "MicroMove sends short seated movement sets at the slots of your workday, from the article on desk micro-movements.",
        [
            new($"{commandPrefix}now [upper|lower|spine|neck|shoulders|hips|legs|back|meeting]", "An instant set, aimed at a region if you name one; now meeting gives the pre-meeting set."),
            new($"{commandPrefix}pause [30m|2h|today|until monday]", "No prompts for a while."),
            new($"{commandPrefix}resume", "Prompts again from the next slot."),
            new($"{commandPrefix}schedule", "Work days, hours, time zone, lunch, meetings and which routines you get."),
            new($"{commandPrefix}stats", "This week so far."),
            new($"{commandPrefix}log", "Your recent sets."),
            new($"{commandPrefix}challenge start TITLE [days N] [goal N]", "In a channel: start a team challenge (5 work days and 3 sets a day unless you say)."),
            new($"{commandPrefix}challenge join · leave · status · end", "Join or leave the channel's challenge, see its leaderboard, or end it early (whoever started it)."),
            new($"{commandPrefix}export", "All your data, as a file."),
            new($"{commandPrefix}delete-my-data", "Forget you (asks first)."),
            new($"{commandPrefix}help", "This message."),
        ],
        [
            new("done", "Mark the last prompt done."),
            new("done 4", "Done, and you feel 4 of 5 now."),
            new("2 4  ·  2→4", "Done: fatigue 2 before, 4 after."),
            new("skip", "Skip the last prompt."),
            new("snooze 15", "Ask again in 15 minutes."),
        ]);
}
