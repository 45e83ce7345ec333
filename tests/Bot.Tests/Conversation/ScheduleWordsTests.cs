using MicroMove.Bot.Features.Conversation;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Tests.Conversation;

/// <summary>The schedule in words (welcome, Home tab, settings message) names the meetings whose sets are on.</summary>
public sealed class ScheduleWordsTests
{
    private static readonly WorkSchedule Berlin = WorkSchedule.Default("Europe/Berlin");

    [Fact]
    public void Meetings_AreNamedWithTheirLead_WhenTheBeforeMeetingsSetIsOn()
    {
        var schedule = Berlin with
        {
            Meetings = [new RecurringMeeting(new TimeOnly(14, 0), new HashSet<DayOfWeek> { DayOfWeek.Wednesday, DayOfWeek.Monday }), new RecurringMeeting(new TimeOnly(9, 30))],
            PreMeetingLead = TimeSpan.FromMinutes(10),
        };

        var words = ScheduleWords.Describe(schedule);

        Assert.EndsWith("; meetings at 09:30, 14:00 Mon Wed (a set 10 min before each).", words, StringComparison.Ordinal);
        Assert.DoesNotContain("meetings at", ScheduleWords.Describe(schedule with { EnabledRoutines = schedule.EnabledRoutines.Where(r => r != RoutineKind.PreMeeting).ToHashSet() }), StringComparison.Ordinal);
        Assert.DoesNotContain("meetings at", ScheduleWords.Describe(Berlin), StringComparison.Ordinal);
    }
}
