using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroMove.Infrastructure.Tests.Persistence;

public sealed class MappingTests(PostgresServer server)
{
    [Fact]
    public async Task Person_ScheduleAndInstants_RoundTripThroughPostgres()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        var person = TestData.Person(TestData.Workspace());
        person.PausedUntil = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        await using (var db = TestData.Context(connectionString))
        {
            db.People.Add(person);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = TestData.Context(connectionString);
        var stored = await read.People.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TestData.Schedule().WorkDays, stored.Schedule.WorkDays);
        Assert.Equal(new TimeOnly(17, 30), stored.Schedule.DayEnd);
        Assert.Equal([DayOfWeek.Tuesday], Assert.Single(stored.Schedule.Meetings).Days);
        Assert.Equal(person.PausedUntil, stored.PausedUntil);
        Assert.Equal(person.NextPromptAt, stored.NextPromptAt);
    }

    [Fact]
    public async Task Person_EditedInsideTheScheduleDocument_IsSaved()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using (var db = TestData.Context(connectionString))
        {
            db.People.Add(TestData.Person(TestData.Workspace()));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var person = await db.People.SingleAsync(TestContext.Current.CancellationToken);
            person.Schedule = person.Schedule with { CadenceMinutes = 45 };
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = TestData.Context(connectionString);
        Assert.Equal(45, (await read.People.SingleAsync(TestContext.Current.CancellationToken)).Schedule.CadenceMinutes);
    }

    [Fact]
    public async Task EnumsAndDocuments_AreStoredAsReadableText()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using (var db = TestData.Context(connectionString))
        {
            db.PromptDeliveries.Add(TestData.Delivery(TestData.Person(TestData.Workspace())));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT w.platform, d.status, d.kind, d.movements->0->>'movement' FROM micromove.prompt_deliveries d JOIN micromove.people p ON p.id = d.person_id JOIN micromove.workspaces w ON w.id = p.workspace_id",
            connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("slack", reader.GetString(0));
        Assert.Equal("pending", reader.GetString(1));
        Assert.Equal("prompt", reader.GetString(2));
        Assert.Equal("ankle-pumps", reader.GetString(3));
    }

    [Fact]
    public async Task Person_UpdatedFromTwoPlacesAtOnce_SecondWriterIsToldOfTheConflict()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using (var db = TestData.Context(connectionString))
        {
            db.People.Add(TestData.Person(TestData.Workspace()));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var settings = TestData.Context(connectionString);
        await using var dispatcher = TestData.Context(connectionString);
        var viaSettings = await settings.People.SingleAsync(TestContext.Current.CancellationToken);
        var viaDispatcher = await dispatcher.People.SingleAsync(TestContext.Current.CancellationToken);

        viaSettings.PausedUntil = TestData.Now.AddHours(2);
        await settings.SaveChangesAsync(TestContext.Current.CancellationToken);
        viaDispatcher.NextPromptAt = TestData.Now.AddHours(1);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dispatcher.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}
