using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>
/// Applies the committed migrations. Replicas starting together queue on a PostgreSQL
/// advisory lock, so exactly one migrates and the others find nothing left to do.
/// </summary>
public sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    ILogger<DatabaseMigrator> logger)
{
    // Any fixed key works as long as every replica uses the same one: "MicroMov" in ASCII.
    private const long MigrationLockKey = 0x4D6963726F4D6F76;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();

            // Creating the (empty) history table first spares the log a failed query on a new database.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                LogUpToDate(logger);
                return;
            }

            LogApplying(logger, pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
            LogApplied(logger, pending.Count);
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    /// <summary>Migrations the database lacks; empty once migrated. Throws when the database cannot be reached.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s)")]
    private static partial void LogApplied(ILogger logger, int count);
}
