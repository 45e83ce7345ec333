using MicroMove.Domain.Challenges;
using MicroMove.Domain.Messages;
using static MicroMove.Domain.Tests.Challenges.ChallengeWorld;

namespace MicroMove.Domain.Tests.Challenges;

public sealed class ChallengeCardMessageTests
{
    [Fact]
    public void Running_ShowsDayAndDaysLeft_TheBoard_AndJoin()
    {
        var week = Week();
        var asOf = At(1, 12, Berlin);
        var board = ChallengeLeaderboard.Rank(week, [Entrant("Ada", [.. Sets(0, 3), .. Sets(1, 1)])], asOf);

        var card = ChallengeCardMessage.For("c-1", week, ChallengeCalendar.Progress(week, Berlin, asOf, ended: false), board);

        Assert.Contains("day 2 of 5", card.Heading, StringComparison.Ordinal);
        Assert.Equal("4 days left, today included", card.StatusLine);
        var standing = Assert.Single(card.Standings);
        Assert.Equal("🥇", standing.Place);
        Assert.Equal("4 pts · 1 day on goal · 1/3 today", standing.Figures);
        Assert.Equal(new MessageAction(ActionKind.JoinChallenge, ChallengeCardMessage.JoinLabel, "c-1", null, true), card.Join);
        Assert.False(card.IsResults);
    }

    [Fact]
    public void ManyParticipants_ShowsTheTopRows_AndCountsTheRest()
    {
        var week = Week();
        var entrants = Enumerable.Range(1, ChallengeRules.CardRows + 4).Select(i => Entrant($"P{i}", []));

        var card = ChallengeCardMessage.For("c-1", week, ChallengeCalendar.Progress(week, Berlin, At(0, 12, Berlin), ended: false), ChallengeLeaderboard.Rank(week, entrants, At(0, 12, Berlin)));

        Assert.Equal(ChallengeRules.CardRows, card.Standings.Count);
        Assert.Equal(4, card.MoreCount);
        Assert.Contains("and 4 more", card.FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_NameTheWinners_AndOfferNoJoin()
    {
        var week = Week();
        var asOf = At(4, 18, Berlin);
        var board = ChallengeLeaderboard.Rank(week, [Entrant("Ada", Sets(0, 3)), Entrant("Grace", Sets(1, 3))], asOf);

        var card = ChallengeCardMessage.For("c-1", week, ChallengeCalendar.Progress(week, Berlin, asOf, ended: true), board);

        Assert.True(card.IsResults);
        Assert.Null(card.Join);
        Assert.StartsWith("🏁 Results", card.Heading, StringComparison.Ordinal);
        Assert.Equal("Finished — a shared win for Ada and Grace!", card.StatusLine);
    }

    [Fact]
    public void Card_NeverMentionsFatigue()
    {
        var week = Week();
        var card = ChallengeCardMessage.For("c-1", week, ChallengeCalendar.Progress(week, Berlin, At(0, 12, Berlin), ended: false),
            ChallengeLeaderboard.Rank(week, [Entrant("Ada", Sets(0, 2))], At(0, 12, Berlin)));

        Assert.DoesNotContain("fatigue", card.FallbackText, StringComparison.OrdinalIgnoreCase);
        Assert.All(card.Standings, s => Assert.DoesNotContain("feel", s.Figures, StringComparison.OrdinalIgnoreCase));
    }
}
