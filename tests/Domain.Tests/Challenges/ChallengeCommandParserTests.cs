using MicroMove.Domain.Challenges;

namespace MicroMove.Domain.Tests.Challenges;

public sealed class ChallengeCommandParserTests
{
    [Theory]
    [InlineData("challenge")]
    [InlineData("/micromove challenge")]
    [InlineData("challenge status")]
    [InlineData("Challenge leaderboard")]
    public void Status(string typed) => Assert.IsType<ChallengeCommand.Status>(ChallengeCommandParser.Parse(typed));

    [Theory]
    [InlineData("challenge join", typeof(ChallengeCommand.Join))]
    [InlineData("challenge leave", typeof(ChallengeCommand.Leave))]
    [InlineData("challenge end", typeof(ChallengeCommand.End))]
    [InlineData("challenges help", typeof(ChallengeCommand.Help))]
    public void Words(string typed, Type expected) => Assert.IsType(expected, ChallengeCommandParser.Parse(typed));

    [Fact]
    public void Start_KeepsTheTitleAsTyped_AndReadsDaysAndGoalAnywhere()
    {
        var start = Assert.IsType<ChallengeCommand.Start>(ChallengeCommandParser.Parse("/micromove challenge start days 10 Step Up Week goal 4"));

        Assert.Equal(new ChallengeCommand.Start("Step Up Week", 10, 4), start);
    }

    [Fact]
    public void Start_WithNothingElse_UsesTheDefaults() =>
        Assert.Equal(
            new ChallengeCommand.Start(ChallengeRules.DefaultTitle, ChallengeRules.DefaultDays, ChallengeRules.DefaultDailyGoal),
            ChallengeCommandParser.Parse("challenge start"));

    [Fact]
    public void Start_QuotedTitleWithMarkup_IsCleaned() =>
        Assert.Equal("Hips & legs", Assert.IsType<ChallengeCommand.Start>(ChallengeCommandParser.Parse("challenge start \"*Hips* & legs\"")).Title);

    [Theory]
    [InlineData("challenge start Big days 21")]
    [InlineData("challenge start Big days 0")]
    [InlineData("challenge start Big goal 17")]
    [InlineData("challenge start Big goal 0")]
    public void Start_OutOfRange_IsAKindCorrection(string typed) =>
        Assert.IsType<ChallengeCommand.NotUnderstood>(ChallengeCommandParser.Parse(typed));

    [Fact]
    public void Start_TitleTooLong_IsACorrection() =>
        Assert.IsType<ChallengeCommand.NotUnderstood>(ChallengeCommandParser.Parse("challenge start " + new string('x', ChallengeRules.MaxTitleLength + 1)));

    [Fact]
    public void UnknownWord_IsACorrection() =>
        Assert.Contains("challenge start", Assert.IsType<ChallengeCommand.NotUnderstood>(ChallengeCommandParser.Parse("challenge dance")).Correction, StringComparison.Ordinal);
}
