using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroMove.Infrastructure.Tests.Persistence;

public sealed class MigrationTests(PostgresServer server)
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEveryTableInTheMicroMoveSchema()
    {
        var connectionString = await server.CreateEmptyDatabaseAsync();

        await PostgresServer.MigrateAsync(connectionString);

        var tables = await QueryStringsAsync(connectionString,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'micromove' ORDER BY table_name");
        Assert.Equal(
            ["__ef_migrations_history", "challenge_participants", "challenges", "console_messages", "dev_console_clock", "log_entries", "people", "processed_inbound_events", "prompt_deliveries", "teams_conversations", "workspaces"],
            tables);
    }

    [Fact]
    public async Task Model_MatchesTheCommittedMigrations()
    {
        // Fails when an entity or mapping changed without `dotnet ef migrations add`.
        await using var db = TestData.Context(await server.CreateMigratedDatabaseAsync());

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_ThreeReplicasAtOnce_AllSucceedAndApplyEachMigrationOnce()
    {
        var connectionString = await server.CreateEmptyDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresServer.MigrateAsync(connectionString))));

        await using var db = TestData.Context(connectionString);
        var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        var historyRows = await QueryStringsAsync(connectionString, "SELECT migration_id FROM micromove.__ef_migrations_history");
        Assert.Equal(applied.Count, historyRows.Count);
    }

    [Fact]
    public async Task Migrate_AlreadyMigratedDatabase_IsANoOp()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();

        await PostgresServer.MigrateAsync(connectionString);

        await using var db = TestData.Context(connectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DueQuery_UsesThePartialIndexOnNextPromptAt()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();

        var plan = await QueryStringsAsync(connectionString,
            "EXPLAIN SELECT id FROM micromove.people WHERE active AND next_prompt_at IS NOT NULL AND next_prompt_at <= now() ORDER BY next_prompt_at LIMIT 500",
            setup: "SET enable_seqscan = off");

        Assert.Contains(plan, line => line.Contains("ix_people_due", StringComparison.Ordinal));
    }

    private static async Task<List<string>> QueryStringsAsync(string connectionString, string sql, string? setup = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (setup is not null)
        {
            await using var setupCommand = new NpgsqlCommand(setup, connection);
            await setupCommand.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
