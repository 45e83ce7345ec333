using FsCheck.Xunit;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

public sealed class LocalTimeResolverTests
{
    [Theory]
    // Plain wall times, unusual offsets.
    [InlineData("Asia/Kathmandu", "2026-11-23T09:00", "2026-11-23T03:15")]
    [InlineData("Pacific/Chatham", "2026-11-23T09:00", "2026-11-22T19:15")]
    [InlineData("Pacific/Chatham", "2026-06-22T09:00", "2026-06-21T20:15")]
    [InlineData("America/St_Johns", "2026-11-23T09:00", "2026-11-23T12:30")]
    [InlineData("America/St_Johns", "2026-06-22T09:00", "2026-06-22T11:30")]
    [InlineData("Australia/Lord_Howe", "2026-11-23T09:00", "2026-11-22T22:00")]
    [InlineData("Australia/Lord_Howe", "2026-06-22T09:00", "2026-06-21T22:30")]
    // Gap (spring forward): the first instant after the gap, i.e. the transition.
    [InlineData("Europe/Berlin", "2026-03-29T02:00", "2026-03-29T01:00")]
    [InlineData("Europe/Berlin", "2026-03-29T02:30", "2026-03-29T01:00")]
    [InlineData("Europe/Berlin", "2026-03-29T02:59", "2026-03-29T01:00")]
    [InlineData("Europe/Berlin", "2026-03-29T03:00", "2026-03-29T01:00")]
    [InlineData("Europe/Berlin", "2026-03-29T01:59", "2026-03-29T00:59")]
    [InlineData("America/New_York", "2026-03-08T02:30", "2026-03-08T07:00")]
    [InlineData("Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:30")]
    [InlineData("Pacific/Chatham", "2026-09-27T03:00", "2026-09-26T14:00")]
    [InlineData("America/Santiago", "2026-09-06T00:00", "2026-09-06T04:00")]
    [InlineData("Asia/Beirut", "2026-03-29T00:30", "2026-03-28T22:00")]
    [InlineData("America/Nuuk", "2026-03-28T23:30", "2026-03-29T01:00")]
    // Ambiguous (fall back): the first occurrence, i.e. the earlier instant.
    [InlineData("Europe/Berlin", "2026-10-25T02:00", "2026-10-25T00:00")]
    [InlineData("Europe/Berlin", "2026-10-25T02:30", "2026-10-25T00:30")]
    [InlineData("Europe/Berlin", "2026-10-25T03:00", "2026-10-25T02:00")]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T05:30")]
    [InlineData("Australia/Lord_Howe", "2026-04-05T01:45", "2026-04-04T14:45")]
    [InlineData("America/Santiago", "2026-04-04T23:30", "2026-04-05T02:30")]
    public void ToInstant_WallTime_ResolvesToExpectedUtc(string zoneId, string wall, string expectedUtc)
    {
        var local = DateTime.Parse(wall, System.Globalization.CultureInfo.InvariantCulture);

        var instant = LocalTimeResolver.ToInstant(local, TestZones.Get(zoneId));

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc + "Z", System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void ToInstant_WallTimeWithUtcKind_IsStillReadAsLocal()
    {
        var local = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        var instant = LocalTimeResolver.ToInstant(local, TestZones.Get("Asia/Kathmandu"));

        Assert.Equal(TestZones.Utc(2026, 11, 23, 3, 15), instant);
    }

    [Fact]
    public void ToInstant_EveryQuarterHourAroundAllTransitions_IsNonDecreasing()
    {
        foreach (var zoneId in TestZones.Interesting)
        {
            var zone = TestZones.Get(zoneId);
            foreach (var transition in TestZones.Transitions(zoneId))
            {
                var wall = TimeZoneInfo.ConvertTime(transition, zone).DateTime.AddHours(-3);
                var previous = LocalTimeResolver.ToInstant(wall, zone);
                for (var step = 1; step <= 24; step++)
                {
                    var next = LocalTimeResolver.ToInstant(wall.AddMinutes(15 * step), zone);
                    Assert.True(next >= previous, $"{zoneId}: {wall.AddMinutes(15 * step):s} resolves before its predecessor.");
                    previous = next;
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(SchedulingArbitraries)], MaxTest = 1000)]
    public void ToInstant_AnyWallTime_IsItsFirstOccurrenceOrTheEndOfItsGap(LocalWallTime w)
    {
        var instant = LocalTimeResolver.ToInstant(w.Wall, w.Zone);
        var wallOfInstant = TimeZoneInfo.ConvertTime(instant, w.Zone).DateTime;

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        if (w.Zone.IsInvalidTime(w.Wall))
        {
            Assert.True(wallOfInstant > w.Wall);
            Assert.True(TimeZoneInfo.ConvertTime(instant.AddTicks(-1), w.Zone).DateTime < w.Wall);
        }
        else
        {
            Assert.Equal(w.Wall, wallOfInstant);
            if (w.Zone.IsAmbiguousTime(w.Wall))
            {
                var offsets = w.Zone.GetAmbiguousTimeOffsets(w.Wall);
                var occurrences = offsets.Select(offset => new DateTimeOffset(w.Wall, offset).ToUniversalTime());
                Assert.Equal(occurrences.Min(), instant);
            }
        }
    }
}
