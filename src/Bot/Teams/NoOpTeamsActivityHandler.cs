namespace MicroMove.Bot.Teams;

/// <summary>The default handler until the features register theirs: ignores activities, answers invokes with 501.</summary>
internal sealed class NoOpTeamsActivityHandler : ITeamsActivityHandler
{
    public Task<InvokeResult> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResult.NotImplemented);

    public Task HandleActivityAsync(TeamsActivity activity, CancellationToken cancellationToken) => Task.CompletedTask;
}
