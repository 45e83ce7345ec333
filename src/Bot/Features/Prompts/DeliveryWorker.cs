using MicroMove.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// Runs on every replica: keeps up to <see cref="PromptOptions.SendConcurrency"/> sends in flight,
/// claiming more pending deliveries as sends finish (no batch waits for its slowest send), and waits
/// a moment when there is nothing to do. A workspace holds at most
/// <see cref="PromptOptions.SendConcurrencyPerWorkspace"/> of those slots: its sends beyond that
/// would only queue in its platform rate limiter while other workspaces wait for a slot, so its
/// deliveries are left for later claims. In-flight sends finish on shutdown (they are not cancelled
/// half-way), so a graceful stop leaves no doubtful claims.
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

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, int> _inFlightByWorkspace = [];
    private readonly SemaphoreSlim _finished = new(0);
    private int _inFlight;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // This round sees every send that finished so far; only those finishing from now on wake the waits below.
                while (_finished.Wait(0, CancellationToken.None))
                {
                }

                var free = options.Value.SendConcurrency - Volatile.Read(ref _inFlight);
                if (free <= 0)
                {
                    await _finished.WaitAsync(stoppingToken);
                    continue;
                }

                var claimed = 0;
                try
                {
                    var claims = await ClaimAsync(Math.Min(free, options.Value.ClaimBatchSize), InFlightByWorkspace(), options.Value.SendConcurrencyPerWorkspace, stoppingToken);
                    var batch = LoadBatchAsync(claims);
                    foreach (var claim in claims)
                    {
                        Start(claim, batch);
                    }

                    claimed = claims.Count;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRoundFailed(logger, exception);
                }

                if (claimed == 0)
                {
                    await WaitForWorkAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through and let the sends in flight finish.
        }

        while (Volatile.Read(ref _inFlight) > 0)
        {
            await _finished.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    /// <summary>
    /// Nothing was claimed: nothing is due, or what is due belongs to workspaces at their share of the slots.
    /// Look again after the idle poll, or as soon as a send finishes: its slot may be what a busy workspace's
    /// backlog waits for (Teams' 50/s per tenant needs its slots refilled at once, not once per poll).
    /// </summary>
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        // Also with nothing in flight now: the last send may have finished since the claim looked (its signal is counted).
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var finished = _finished.WaitAsync(waiting.Token);
        var poll = Task.Delay(options.Value.IdlePoll, clock, waiting.Token);
        await Task.WhenAny(finished, poll);
        await waiting.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>One round: claim a batch and send it all (the dev console and tests step through the pipeline with it). Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        var claims = await ClaimAsync(options.Value.ClaimBatchSize, new Dictionary<Guid, int>(), perWorkspace: null, stoppingToken);
        var batch = LoadBatchAsync(claims);
        await Parallel.ForEachAsync(
            claims,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.SendConcurrency },
            async (claim, _) => await SendAsync(claim, batch));
        return claims.Count;
    }

    public override void Dispose()
    {
        _finished.Dispose();
        base.Dispose();
    }

    private async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(int limit, IReadOnlyDictionary<Guid, int> inFlight, int? perWorkspace, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
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

            var released = await DeliveryQueue.ReleaseExpiredClaimsAsync(db, now, stoppingToken);
            if (released > 0)
            {
                LogReleased(logger, released);
            }
        }

        return await DeliveryQueue.ClaimAsync(db, now, options.Value.Lease, limit, inFlight, perWorkspace, stoppingToken);
    }

    private Dictionary<Guid, int> InFlightByWorkspace()
    {
        lock (_gate)
        {
            return new Dictionary<Guid, int>(_inFlightByWorkspace);
        }
    }

    /// <summary>
    /// The batch's rows (and its weekly summaries) read together in the background while the claim loop goes on;
    /// its sends wait for it. On failure each sender reads its own row.
    /// </summary>
    private Task<IReadOnlyDictionary<Guid, PreparedDelivery>> LoadBatchAsync(IReadOnlyList<DeliveryClaim> claims)
    {
        if (claims.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<Guid, PreparedDelivery>>(new Dictionary<Guid, PreparedDelivery>());
        }

        var ids = claims.Select(c => c.Id).ToList();
        return Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ClaimedDeliveries>().LoadAsync(ids, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogBatchReadFailed(logger, exception, ids.Count);
                return new Dictionary<Guid, PreparedDelivery>();
            }
        });
    }

    private void Start(DeliveryClaim claim, Task<IReadOnlyDictionary<Guid, PreparedDelivery>> batch)
    {
        Interlocked.Increment(ref _inFlight);
        lock (_gate)
        {
            _inFlightByWorkspace[claim.WorkspaceId] = _inFlightByWorkspace.GetValueOrDefault(claim.WorkspaceId) + 1;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await SendAsync(claim, batch);
            }
            finally
            {
                lock (_gate)
                {
                    var left = _inFlightByWorkspace[claim.WorkspaceId] - 1;
                    if (left == 0)
                    {
                        _inFlightByWorkspace.Remove(claim.WorkspaceId);
                    }
                    else
                    {
                        _inFlightByWorkspace[claim.WorkspaceId] = left;
                    }
                }

                Interlocked.Decrement(ref _inFlight);
                _finished.Release();
            }
        });
    }

    private async Task SendAsync(DeliveryClaim claim, Task<IReadOnlyDictionary<Guid, PreparedDelivery>> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var prepared = (await batch).GetValueOrDefault(claim.Id);

            // Not the stopping token: a send that started is finished and recorded.
            await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendAsync(claim, prepared, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The claim stays; its lease runs out and the row is looked at again.
            LogSendFailed(logger, exception, claim.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} deliveries were being sent by a node that stopped before recording the outcome; failed as uncertain, not sent again")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} claimed deliveries outlived their lease before their send began (their node stopped or stalled); pending again")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery round failed; trying again shortly")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading a claimed batch of {Count} deliveries together failed; each is read on its own instead")]
    private static partial void LogBatchReadFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be processed; it is retried when its lease runs out")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid deliveryId);
}
