using MicroMove.Domain.Challenges;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Rendering;

/// <summary>
/// A sample team challenge in the sample week (Monday 23 – Friday 27 November 2026, goal 3) for the
/// challenge card samples: just started, on Wednesday with more people than a card lists, and the results.
/// </summary>
internal static class SampleChallenge
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.Utc;

    private static readonly IReadOnlySet<DayOfWeek> WorkDays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    private static readonly Challenge Week = new("Move more week", ChallengeCalendar.WorkDaysFrom(new DateOnly(2026, 11, 23), 5, WorkDays), 3);

    private static readonly string[] Names =
    [
        "Ada Lovelace", "Grace Hopper", "Linus T.", "Margaret H.", "Alan", "Katherine J.", "Edsger", "Barbara L.",
        "Dennis", "Frances A.", "Ken", "Radia P.", "Tim B-L",
    ];

    public static ChallengeCardMessage Started() => Card(MessageSamples.Now.AddDays(-2).AddHours(-1), entrants: 0, "Ada Lovelace started this challenge.");

    public static ChallengeCardMessage Leaderboard() => Card(MessageSamples.Now.AddHours(6), Names.Length, note: null);

    public static ChallengeCardMessage Results() => Card(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero), 4, note: null, ended: true);

    private static ChallengeCardMessage Card(DateTimeOffset asOf, int entrants, string? note, bool ended = false)
    {
        var people = Names.Take(entrants).Select((name, i) => new Entrant(
            $"p{i}",
            name,
            new DateTimeOffset(Week.StartsOn.ToDateTime(new TimeOnly(8, i)), TimeSpan.Zero),
            Zone,
            WorkDays,
            [.. SetsOf(i)]));
        var board = ChallengeLeaderboard.Rank(Week, people, asOf);
        return ChallengeCardMessage.For("c-2026-11", Week, ChallengeCalendar.Progress(Week, Zone, asOf, ended), board, note);
    }

    /// <summary>A different, fixed pattern per person: some days on goal, some short, a few overdoing it.</summary>
    private static IEnumerable<DateTimeOffset> SetsOf(int person)
    {
        for (var day = 0; day < 5; day++)
        {
            var count = (person * 3 + day * 2) % 6;
            for (var set = 0; set < count; set++)
            {
                yield return new DateTimeOffset(Week.StartsOn.AddDays(day).ToDateTime(new TimeOnly(9 + set, 10)), TimeSpan.Zero);
            }
        }
    }
}
