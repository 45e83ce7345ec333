using System.Collections.Concurrent;
using System.Threading.Channels;
using MicroMove.Bot.Teams;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The test double of the features: records what the protocol layer hands on and answers invokes as told.</summary>
internal sealed class RecordingTeamsActivityHandler : ITeamsActivityHandler
{
    private readonly Channel<TeamsActivity> _handled = Channel.CreateUnbounded<TeamsActivity>();

    public ConcurrentQueue<TeamsActivity> Activities { get; } = new();

    public ConcurrentQueue<TeamsActivity> Invokes { get; } = new();

    public Func<TeamsActivity, InvokeResult> InvokeResponder { get; set; } = _ => InvokeResult.Ignored;

    public Task<InvokeResult> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        Invokes.Enqueue(activity);
        return Task.FromResult(InvokeResponder(activity));
    }

    public async Task HandleActivityAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        Activities.Enqueue(activity);
        await _handled.Writer.WriteAsync(activity, cancellationToken);
    }

    /// <summary>The next activity handed to <see cref="HandleActivityAsync"/> (they run after the 200, on the worker).</summary>
    public async Task<TeamsActivity> NextActivityAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _handled.Reader.ReadAsync(timeout.Token);
    }
}
