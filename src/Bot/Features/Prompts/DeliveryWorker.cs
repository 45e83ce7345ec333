using MicroMove.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// Runs on every replica: claims pending deliveries, sends them with bounded concurrency,
/// and waits a moment when there is nothing to do. In-flight sends finish on shutdown
/// (they are not cancelled half-way), so a graceful stop leaves no doubtful claims.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    DeliveryMetrics metrics,
    IOptions<PromptOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    /// <summary>How often a worker looks for sends a dead node left behind (the lease is much longer).</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(logger, exception);
            }

            if (handled == 0)
            {
                try
                {
                    await Task.Delay(options.Value.IdlePoll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claim a batch and send it. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<DeliveryClaim> claims;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
            var now = clock.GetUtcNow();
            if (now >= _nextSweep)
            {
                _nextSweep = now + SweepInterval;
                var abandoned = await DeliveryQueue.AbandonDeadSendsAsync(db, now, stoppingToken);
                if (abandoned > 0)
                {
                    metrics.Failed.Add(abandoned);
                    LogAbandoned(logger, abandoned);
                }
            }

            claims = await DeliveryQueue.ClaimAsync(db, now, options.Value.Lease, options.Value.ClaimBatchSize, stoppingToken);
        }

        await Parallel.ForEachAsync(
            claims,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.SendConcurrency },
            async (claim, _) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    // Not the stopping token: a send that started is finished and recorded.
                    await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendAsync(claim, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    // The claim stays; its lease runs out and the row is looked at again.
                    LogSendFailed(logger, exception, claim.Id);
                }
            });
        return claims.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} deliveries were being sent by a node that stopped before recording the outcome; failed as uncertain, not sent again")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery round failed; trying again shortly")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be processed; it is retried when its lease runs out")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid deliveryId);
}
