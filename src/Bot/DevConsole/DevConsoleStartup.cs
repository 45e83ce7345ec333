using MicroMove.Infrastructure.Persistence;

namespace MicroMove.Bot.DevConsole;

/// <summary>
/// On start: seeds the simulated workspace and reads the clock offset. Then keeps the offset in
/// step with the database once a second, so a jump made on another replica shows here too.
/// </summary>
internal sealed partial class DevConsoleStartup(IServiceScopeFactory scopes, ConsoleClock clock, ILogger<DevConsoleStartup> logger) : BackgroundService
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsoleWorkspace>().EnsureAsync(cancellationToken);
            clock.SetOffset(await ConsoleClockStore.ReadAsync(scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>(), cancellationToken));
        }

        LogReady(logger, clock.Offset);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Refresh, TimeProvider.System, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                clock.SetOffset(await ConsoleClockStore.ReadAsync(scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>(), stoppingToken));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRefreshFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev console ready at / (simulated clock {Offset} ahead of real time)")]
    private static partial void LogReady(ILogger logger, TimeSpan offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the dev console clock; keeping the last offset")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
