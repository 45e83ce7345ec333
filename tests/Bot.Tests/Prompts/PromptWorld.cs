using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>Seeds workspaces and people straight into the test's database, and reads the outcome back.</summary>
internal static class PromptWorld
{
    public static MicroMoveDbContext Db(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MicroMoveDbContext>();
        DatabaseRegistration.Configure(options, connectionString);
        return new MicroMoveDbContext(options.Options);
    }

    public static async Task<WorkspaceEntity> WorkspaceAsync(string connectionString, bool active = true, string externalId = "console")
    {
        await using var db = Db(connectionString);
        var workspace = new WorkspaceEntity
        {
            Platform = ChatPlatform.Console,
            ExternalId = externalId,
            Name = "Dev console",
            Active = active,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace;
    }

    public static async Task<List<PersonEntity>> PeopleAsync(
        string connectionString, WorkspaceEntity workspace, int count, WorkSchedule schedule, DateTimeOffset? nextPromptAt, bool active = true)
    {
        await using var db = Db(connectionString);
        var people = Enumerable.Range(0, count).Select(i =>
        {
            var person = new PersonEntity
            {
                WorkspaceId = workspace.Id,
                PlatformUserId = $"U{i:D6}",
                DisplayName = $"Person {i}",
                TimeZoneId = schedule.TimeZoneId,
                Schedule = ScheduleMapping.ToSettings(schedule),
                NextPromptAt = nextPromptAt,
                Active = active,
                CreatedAt = DateTimeOffset.UnixEpoch,
            };
            person.Apply(schedule);
            return person;
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people;
    }

    public static async Task<List<PromptDeliveryEntity>> DeliveriesAsync(string connectionString)
    {
        await using var db = Db(connectionString);
        return await db.PromptDeliveries.AsNoTracking().OrderBy(d => d.DueAt).ToListAsync();
    }

    public static async Task<PersonEntity> PersonAsync(string connectionString, Guid id)
    {
        await using var db = Db(connectionString);
        return await db.People.AsNoTracking().SingleAsync(p => p.Id == id);
    }
}
