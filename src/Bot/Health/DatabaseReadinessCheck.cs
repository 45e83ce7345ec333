using MicroMove.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroMove.Bot.Health;

/// <summary>Ready means: the database answers and every committed migration is applied.</summary>
internal sealed class DatabaseReadinessCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.PendingMigrationsAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("reachable and migrated")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason goes to the log; the probe only needs to know it is not ready.
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }
}
