using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Drains <see cref="SlackInboundQueue"/> with <see cref="SlackOptions.InboundWorkers"/> concurrent
/// loops; each item gets its own DI scope. The work mostly waits (PostgreSQL, Slack's Web API, a
/// rate limiter), so there are many more loops than cores. A failing handler is logged and
/// swallowed: it never stops the worker.
/// </summary>
internal sealed class SlackInboundWorker(
    SlackInboundQueue queue, IServiceScopeFactory scopes, IOptions<SlackOptions> options, ILogger<SlackInboundWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.InboundWorkers)).Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), stoppingToken)));

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
