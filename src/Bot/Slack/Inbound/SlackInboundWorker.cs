namespace MicroMove.Bot.Slack;

/// <summary>
/// Drains <see cref="SlackInboundQueue"/> with a few concurrent loops; each item gets its own DI
/// scope. A failing handler is logged and swallowed: it never stops the worker.
/// </summary>
internal sealed class SlackInboundWorker(SlackInboundQueue queue, IServiceScopeFactory scopes, ILogger<SlackInboundWorker> logger) : BackgroundService
{
    public const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), stoppingToken)));

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunOneAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOneAsync(SlackInboundWork work, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work.RunAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.SlackWorkAbandoned(work.Description);
        }
#pragma warning disable CA1031 // A handler's failure must not stop the worker; it is logged with its exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.SlackWorkFailed(exception, work.Description);
        }
    }
}
