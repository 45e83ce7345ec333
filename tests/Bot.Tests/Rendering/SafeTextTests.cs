using MicroMove.Bot.Rendering;

namespace MicroMove.Bot.Tests.Rendering;

public sealed class SafeTextTests
{
    [Fact]
    public void Truncate_LeavesTextThatFits()
    {
        Assert.Equal("Neck waves", SafeText.Truncate("Neck waves", 10));
    }

    [Fact]
    public void Truncate_CutsAndAddsAnEllipsis_WithinTheLimit()
    {
        var text = SafeText.Truncate("Seated cat-cow", 8);

        Assert.Equal("Seated …", text);
        Assert.True(text.Length <= 8);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Truncate_NeverSplitsASurrogatePair(int max)
    {
        const string emoji = "💪💪💪💪💪";

        var text = SafeText.Truncate(emoji, max);

        Assert.True(text.Length <= max);
        Assert.Equal(text.Length - SafeText.Ellipsis.Length, text.Count(char.IsSurrogate));
        Assert.Equal(0, (text.Length - SafeText.Ellipsis.Length) % 2);
    }

    [Fact]
    public void Truncate_KeepsCombiningMarksWithTheirLetter()
    {
        var text = SafeText.Truncate("abe\u0301cd", 4);

        Assert.Equal("ab…", text);
    }
}
