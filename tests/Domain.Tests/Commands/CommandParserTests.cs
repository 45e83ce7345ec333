using MicroMove.Domain.Commands;
using MicroMove.Domain.Rotation;

namespace MicroMove.Domain.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("done", null, null)]
    [InlineData("Done", null, null)]
    [InlineData("  done  ", null, null)]
    [InlineData("done 4", null, 4)]
    [InlineData("4", null, 4)]
    [InlineData("2 4", 2, 4)]
    [InlineData("2→4", 2, 4)]
    [InlineData("2 → 4", 2, 4)]
    [InlineData("2->4", 2, 4)]
    [InlineData("2 to 4", 2, 4)]
    [InlineData("done 2 4", 2, 4)]
    [InlineData("done 2→4", 2, 4)]
    public void TypedReply_Done_CarriesTheRatings(string text, int? before, int? after)
    {
        var done = Assert.IsType<ChatCommand.Done>(CommandParser.Parse(text));

        Assert.Equal(before, done.Before?.Value);
        Assert.Equal(after, done.After?.Value);
    }

    [Theory]
    [InlineData("done 7", "7 is off the scale")]
    [InlineData("0", "0 is off the scale")]
    [InlineData("2 9", "9 is off the scale")]
    [InlineData("2→6", "6 is off the scale")]
    [InlineData("done great", "1 (fresh) to 5 (very tired)")]
    public void TypedReply_OutOfRange_GetsAFriendlyCorrection(string text, string expected)
    {
        var notUnderstood = Assert.IsType<ChatCommand.NotUnderstood>(CommandParser.Parse(text));

        Assert.Contains(expected, notUnderstood.Correction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("SKIP")]
    public void TypedReply_Skip(string text) => Assert.IsType<ChatCommand.Skip>(CommandParser.Parse(text));

    [Theory]
    [InlineData("snooze", 10)]
    [InlineData("snooze 15", 15)]
    [InlineData("snooze 15m", 15)]
    [InlineData("snooze 20 min", 20)]
    [InlineData("snooze for 5", 5)]
    public void TypedReply_Snooze_TakesMinutes(string text, int minutes)
    {
        Assert.Equal(minutes, Assert.IsType<ChatCommand.Snooze>(CommandParser.Parse(text)).Minutes);
    }

    [Theory]
    [InlineData("snooze 0")]
    [InlineData("snooze 999")]
    [InlineData("snooze soon")]
    public void TypedReply_SnoozeOutOfRange_IsCorrected(string text)
    {
        Assert.IsType<ChatCommand.NotUnderstood>(CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("do the thing")]
    public void UnknownWord_GetsACorrectionListingWhatWorks(string text)
    {
        var notUnderstood = Assert.IsType<ChatCommand.NotUnderstood>(CommandParser.Parse(text));

        Assert.Contains(text, notUnderstood.Correction, StringComparison.Ordinal);
        Assert.Contains("help", notUnderstood.Correction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("now", null)]
    [InlineData("now hips", "hips")]
    [InlineData("now Upper", "upper body")]
    [InlineData("now lower", "lower body")]
    [InlineData("now spine", "spine")]
    [InlineData("now neck", "neck")]
    [InlineData("now shoulders", "shoulders")]
    [InlineData("now legs", "legs")]
    [InlineData("now back", "back")]
    public void Now_WithOrWithoutARegion(string text, string? focus)
    {
        var now = Assert.IsType<ChatCommand.Now>(CommandParser.Parse(text));

        Assert.Equal(focus, now.Focus?.Name);
    }

    [Theory]
    [InlineData("now meeting")]
    [InlineData("now pre-meeting")]
    public void NowMeeting_AsksForThePreMeetingRoutineOnDemand(string text)
    {
        var now = Assert.IsType<ChatCommand.Now>(CommandParser.Parse(text));

        Assert.Equal(MicroMove.Domain.Catalogue.RoutineKind.PreMeeting, now.Routine);
        Assert.Null(now.Focus);
    }

    [Fact]
    public void Now_UnknownRegion_ListsTheRegions()
    {
        var notUnderstood = Assert.IsType<ChatCommand.NotUnderstood>(CommandParser.Parse("now elbows"));

        Assert.Contains("shoulders", notUnderstood.Correction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pause 30m", 30)]
    [InlineData("pause 2h", 120)]
    [InlineData("pause 90 min", 90)]
    [InlineData("pause 1.5h", 90)]
    [InlineData("pause for 2 hours", 120)]
    public void Pause_ForADuration(string text, int minutes)
    {
        var pause = Assert.IsType<ChatCommand.Pause>(CommandParser.Parse(text));

        Assert.Equal(TimeSpan.FromMinutes(minutes), pause.Length.Duration);
    }

    [Fact]
    public void Pause_TodayAndUntilADay()
    {
        Assert.True(Assert.IsType<ChatCommand.Pause>(CommandParser.Parse("pause today")).Length.IsRestOfToday);
        Assert.True(Assert.IsType<ChatCommand.Pause>(CommandParser.Parse("pause")).Length.IsRestOfToday);
        Assert.Equal(DayOfWeek.Monday, Assert.IsType<ChatCommand.Pause>(CommandParser.Parse("pause until monday")).Length.UntilDay);
        Assert.Equal(DayOfWeek.Thursday, Assert.IsType<ChatCommand.Pause>(CommandParser.Parse("pause until Thu")).Length.UntilDay);
    }

    [Theory]
    [InlineData("pause 1m")]
    [InlineData("pause 90d")]
    [InlineData("pause forever")]
    [InlineData("pause until someday")]
    public void Pause_Unusable_IsCorrected(string text)
    {
        Assert.IsType<ChatCommand.NotUnderstood>(CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("resume", typeof(ChatCommand.Resume))]
    [InlineData("schedule", typeof(ChatCommand.Schedule))]
    [InlineData("stats", typeof(ChatCommand.Stats))]
    [InlineData("log", typeof(ChatCommand.Log))]
    [InlineData("export", typeof(ChatCommand.Export))]
    [InlineData("delete-my-data", typeof(ChatCommand.DeleteMyData))]
    [InlineData("delete my data", typeof(ChatCommand.DeleteMyData))]
    [InlineData("help", typeof(ChatCommand.Help))]
    [InlineData("", typeof(ChatCommand.Help))]
    [InlineData("/micromove stats", typeof(ChatCommand.Stats))]
    [InlineData("challenge join", typeof(ChatCommand.Challenge))]
    public void Subcommands_AreRecognised(string text, Type expected)
    {
        Assert.IsType(expected, CommandParser.Parse(text));
    }

    [Fact]
    public void Delete_WithSomethingElse_IsNotADeletion()
    {
        Assert.IsType<ChatCommand.NotUnderstood>(CommandParser.Parse("delete everything else"));
    }

    [Fact]
    public void Challenge_KeepsItsArguments()
    {
        Assert.Equal("start 5 a day", Assert.IsType<ChatCommand.Challenge>(CommandParser.Parse("challenge start 5 a day")).Arguments);
    }

    [FsCheck.Xunit.Property]
    public bool Parse_NeverThrows_ForAnyText(string? text)
    {
        return CommandParser.Parse(text) is not null;
    }

    [Fact]
    public void SetFocus_AllAliasesParse()
    {
        Assert.All(SetFocus.All, focus => Assert.IsType<ChatCommand.Now>(CommandParser.Parse($"now {focus.Words[0]}")));
    }
}
