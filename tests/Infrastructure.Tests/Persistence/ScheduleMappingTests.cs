using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Infrastructure.Tests.Persistence;

public sealed class ScheduleMappingTests(PostgresServer server)
{
    private static WorkSchedule Custom() => WorkSchedule.Default("Asia/Kathmandu") with
    {
        WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
        DayStart = new TimeOnly(10, 0),
        DayEnd = new TimeOnly(18, 0),
        LunchStart = new TimeOnly(13, 0),
        LunchDuration = TimeSpan.FromMinutes(60),
        Meetings = [new RecurringMeeting(new TimeOnly(11, 0)), new RecurringMeeting(new TimeOnly(15, 30), new HashSet<DayOfWeek> { DayOfWeek.Monday })],
        PreMeetingLead = TimeSpan.FromMinutes(3),
        EndOfDayLead = TimeSpan.FromMinutes(15),
        EnabledRoutines = new HashSet<RoutineKind> { RoutineKind.StartOfDay, RoutineKind.PreMeeting, RoutineKind.EndOfDay },
        Cadence = TimeSpan.FromMinutes(45),
        PausedUntil = new DateTimeOffset(2026, 12, 1, 4, 15, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Schedule_StoredAndReadBack_GivesTheSameSlots()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        var schedule = Custom();
        await using (var db = TestData.Context(connectionString))
        {
            var person = TestData.Person(TestData.Workspace());
            person.Apply(schedule);
            db.People.Add(person);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = TestData.Context(connectionString);
        var restored = (await read.People.SingleAsync(TestContext.Current.CancellationToken)).ToWorkSchedule();

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var from = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 10; day++)
        {
            var date = DateOnly.FromDateTime(from.AddDays(day).DateTime);
            Assert.Equal(NextSlotCalculator.SlotsOn(schedule, zone, date), NextSlotCalculator.SlotsOn(restored, zone, date));
        }

        Assert.Equal(schedule.TimeZoneId, restored.TimeZoneId);
        Assert.Equal(schedule.PausedUntil, restored.PausedUntil);
        Assert.Equal(schedule.EnabledRoutines.Order(), restored.EnabledRoutines.Order());
        Assert.Equal(schedule.Cadence, restored.Cadence);
        Assert.Equal(schedule.PreMeetingLead, restored.PreMeetingLead);
        Assert.Equal(schedule.EndOfDayLead, restored.EndOfDayLead);
        Assert.Equal([DayOfWeek.Monday], restored.Meetings[1].Days);
        Assert.Null(restored.Meetings[0].Days);
    }

    [Fact]
    public void RoutineUnknownToThisVersion_IsIgnored()
    {
        var person = TestData.Person(TestData.Workspace());
        person.Schedule = person.Schedule with { Routines = ["start-of-day", "stretch-marathon"] };

        Assert.Equal([RoutineKind.StartOfDay], person.ToWorkSchedule().EnabledRoutines);
    }
}
