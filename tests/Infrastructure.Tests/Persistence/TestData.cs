using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Infrastructure.Tests.Persistence;

/// <summary>Contexts on a test's own database, and small valid rows to build on.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static MicroMoveDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MicroMoveDbContext>();
        DatabaseRegistration.Configure(options, connectionString);
        return new MicroMoveDbContext(options.Options);
    }

    public static ScheduleSettings Schedule() => new()
    {
        WorkDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        DayStart = new TimeOnly(9, 0),
        DayEnd = new TimeOnly(17, 30),
        LunchStart = new TimeOnly(12, 30),
        LunchMinutes = 45,
        Meetings = [new MeetingSetting(new TimeOnly(14, 0), [DayOfWeek.Tuesday])],
        Routines = ["start-of-day", "every-30-minutes", "pre-meeting", "after-lunch", "end-of-day"],
        CadenceMinutes = 30,
    };

    public static WorkspaceEntity Workspace(string externalId = "T0001", ChatPlatform platform = ChatPlatform.Slack) =>
        new() { Platform = platform, ExternalId = externalId, Name = "Acme", CreatedAt = Now };

    public static PersonEntity Person(WorkspaceEntity workspace, string userId = "U0001") => new()
    {
        Workspace = workspace,
        PlatformUserId = userId,
        DisplayName = "Ada",
        TimeZoneId = "Europe/Berlin",
        Schedule = Schedule(),
        CreatedAt = Now,
        NextPromptAt = Now.AddMinutes(30),
    };

    public static PromptDeliveryEntity Delivery(PersonEntity person, string slotKey = "2026-11-25T09:30/every-30-minutes") => new()
    {
        Person = person,
        WorkspaceId = person.WorkspaceId,
        Kind = DeliveryKind.Prompt,
        SlotKey = slotKey,
        Routine = "every-30-minutes",
        DueAt = Now.AddMinutes(30),
        Movements = [new DeliveredMovement("ankle-pumps", 12), new DeliveredMovement("seated-cat-cow", 6)],
        Status = DeliveryStatus.Pending,
        CreatedAt = Now,
    };
}
