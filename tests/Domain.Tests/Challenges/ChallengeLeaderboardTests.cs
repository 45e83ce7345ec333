using MicroMove.Domain.Challenges;
using static MicroMove.Domain.Tests.Challenges.ChallengeWorld;

namespace MicroMove.Domain.Tests.Challenges;

public sealed class ChallengeLeaderboardTests
{
    [Fact]
    public void Rank_ByPointsThenDaysOnGoal()
    {
        // Ada 6 points on 2 days on goal; Grace 6 points on 1 day on goal (3+2+1); Linus 3.
        var entrants = new[]
        {
            Entrant("Linus", Sets(0, 3)),
            Entrant("Grace", [.. Sets(0, 3), .. Sets(1, 2), .. Sets(2, 1)]),
            Entrant("Ada", [.. Sets(0, 3), .. Sets(1, 3)]),
        };

        var board = ChallengeLeaderboard.Rank(Week(), entrants, At(2, 20, Berlin));

        Assert.Equal(["Ada", "Grace", "Linus"], board.Select(r => r.Score.Name));
        Assert.Equal([1, 2, 3], board.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_TiesShareARank_EarliestToReachTheScoreListedFirst_NextRankSkips()
    {
        // Grace and Ada both 3 points, 1 day on goal; Grace finished her third set earlier.
        var entrants = new[]
        {
            Entrant("Ada", [.. Sets(0, 3, Berlin)]),
            Entrant("Grace", [At(0, 7, Berlin), At(0, 8, Berlin), At(0, 9, Berlin)], joinedAt: At(0, 6, Berlin)),
            Entrant("Linus", Sets(0, 1)),
        };

        var board = ChallengeLeaderboard.Rank(Week(), entrants, At(0, 20, Berlin));

        Assert.Equal(["Grace", "Ada", "Linus"], board.Select(r => r.Score.Name));
        Assert.Equal([1, 1, 3], board.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_NobodyScoredYet_AllShareFirst_ListedByJoinTime()
    {
        var entrants = new[]
        {
            Entrant("Ada", [], joinedAt: At(0, 9, Berlin)),
            Entrant("Grace", [], joinedAt: At(0, 8, Berlin)),
        };

        var board = ChallengeLeaderboard.Rank(Week(), entrants, At(0, 20, Berlin));

        Assert.Equal(["Grace", "Ada"], board.Select(r => r.Score.Name));
        Assert.All(board, row => Assert.Equal(1, row.Rank));
    }

    [Fact]
    public void Rank_SomeoneWhoLeft_IsSimplyNotAnEntrant()
    {
        var stayed = Entrant("Ada", Sets(0, 1));

        var board = ChallengeLeaderboard.Rank(Week(), [stayed], At(0, 20, Berlin));

        Assert.Equal("Ada", Assert.Single(board).Score.Name);
    }

    [Fact]
    public void Rank_DifferentZones_EachScoredOnTheirOwnDay()
    {
        // Linus in Kathmandu does his three sets on his Monday morning, which is Sunday night in New York.
        var linus = Entrant("Linus", Sets(0, 3, Kathmandu), Kathmandu, joinedAt: At(0, 6, Kathmandu));
        var grace = Entrant("Grace", Sets(0, 2, NewYork), NewYork, joinedAt: At(0, 6, NewYork));

        var board = ChallengeLeaderboard.Rank(Week(), [grace, linus], At(0, 20, NewYork));

        Assert.Equal(["Linus", "Grace"], board.Select(r => r.Score.Name));
        Assert.Equal(3, board[0].Score.Points);
        Assert.Equal(2, board[1].Score.Points);
    }
}
