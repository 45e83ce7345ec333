namespace MicroMove.Bot.Teams;

/// <summary>Hands queued activities to <see cref="ITeamsActivityHandler"/>, one DI scope each; a failure is logged, never fatal.</summary>
internal sealed class TeamsActivityWorker(TeamsActivityQueue queue, IServiceScopeFactory scopes, ILogger<TeamsActivityWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var handler = scope.ServiceProvider.GetRequiredService<ITeamsActivityHandler>();
                    await handler.HandleActivityAsync(activity, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    TeamsLog.HandlerFailed(logger, activity.Type, activity.Id, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
