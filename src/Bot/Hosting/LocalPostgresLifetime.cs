using MicroMove.Infrastructure.Postgres;

namespace MicroMove.Bot.Hosting;

/// <summary>
/// Stops the zero-config run's private PostgreSQL when the bot stops. Registered before
/// every other hosted service, so it stops after them (hosted services stop in reverse).
/// </summary>
internal sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync(cancellationToken);
}
