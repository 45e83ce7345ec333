using MicroMove.Domain.Commands;

namespace MicroMove.Domain.Tests.Commands;

public sealed class PauseLengthTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Duration_EndsThatLongFromNow()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddHours(2), PauseLength.For(TimeSpan.FromHours(2)).EndsAt(now, Berlin));
    }

    [Fact]
    public void RestOfToday_EndsAtTheNextLocalMidnight()
    {
        // 23:30 UTC on the 25th is 00:30 on the 26th in Berlin: "today" there ends at midnight of the 27th.
        var now = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(1)), PauseLength.RestOfToday.EndsAt(now, Berlin));
    }

    [Fact]
    public void UntilMonday_OnAWednesday_EndsAtMondaysMidnight()
    {
        var wednesday = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(1)), PauseLength.Until(DayOfWeek.Monday).EndsAt(wednesday, Berlin));
    }

    [Fact]
    public void UntilMonday_OnAMonday_MeansNextMonday()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(1)), PauseLength.Until(DayOfWeek.Monday).EndsAt(monday, Berlin));
    }

    [Fact]
    public void RestOfToday_WhereMidnightFallsInADstGap_EndsWhenTheDayActuallyStarts()
    {
        // Santiago springs forward at local midnight (00:00 → 01:00) on 6 Sep 2026.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var evening = new DateTimeOffset(2026, 9, 5, 20, 0, 0, TimeSpan.FromHours(-4));

        var end = PauseLength.RestOfToday.EndsAt(evening, santiago);

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), end);
    }

    [Theory]
    [InlineData(30, "for 30 min")]
    [InlineData(120, "for 2 h")]
    [InlineData(90, "for 1.5 h")]
    [InlineData(4320, "for 3 days")]
    public void Describe_ReadsNaturally(int minutes, string text)
    {
        Assert.Equal(text, PauseLength.For(TimeSpan.FromMinutes(minutes)).Describe());
    }
}
