using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Tests.Scheduling;

public sealed class SlotOccurrenceTests
{
    [Theory]
    [InlineData(RoutineKind.StartOfDay, "2026-11-25T09:00/start-of-day")]
    [InlineData(RoutineKind.Every30Minutes, "2026-11-25T09:00/every-30-minutes")]
    [InlineData(RoutineKind.PreMeeting, "2026-11-25T09:00/pre-meeting")]
    [InlineData(RoutineKind.AfterLunch, "2026-11-25T09:00/after-lunch")]
    [InlineData(RoutineKind.EndOfDay, "2026-11-25T09:00/end-of-day")]
    public void Key_EachRoutine_IsLocalDateTimeAndRoutineSlug(RoutineKind routine, string expected)
    {
        var slot = new SlotOccurrence(routine, new DateOnly(2026, 11, 25), new TimeOnly(9, 0), TestZones.Utc(2026, 11, 25, 8, 0));

        Assert.Equal(expected, slot.Key);
    }

    [Fact]
    public void Key_SameLocalSlotDifferentInstant_IsTheSame()
    {
        var date = new DateOnly(2026, 11, 25);
        var a = new SlotOccurrence(RoutineKind.Every30Minutes, date, new TimeOnly(10, 30), TestZones.Utc(2026, 11, 25, 9, 30));
        var b = a with { DueAt = TestZones.Utc(2026, 11, 25, 15, 30) };

        Assert.Equal("2026-11-25T10:30/every-30-minutes", a.Key);
        Assert.Equal(a.Key, b.Key);
    }

    [Fact]
    public void DueAt_GivenWithAnOffset_IsStoredInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(5.75));

        var slot = new SlotOccurrence(RoutineKind.Every30Minutes, new DateOnly(2026, 11, 25), new TimeOnly(10, 30), local);
        var changed = slot with { DueAt = local.AddHours(1) };

        Assert.Equal(TimeSpan.Zero, slot.DueAt.Offset);
        Assert.Equal(local, slot.DueAt);
        Assert.Equal(TimeSpan.Zero, changed.DueAt.Offset);
    }
}
