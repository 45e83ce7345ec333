using System.Collections.Concurrent;
using MicroMove.Bot.Slack;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>A test double for the features: records everything handed on and answers view submissions as told.</summary>
internal sealed class RecordingSlackHandler : ISlackInboundHandler
{
    public ConcurrentQueue<object> Received { get; } = new();

    public Func<SlackViewSubmission, SlackViewSubmissionResult> OnViewSubmission { get; set; } = _ => SlackViewSubmissionResult.Close;

    public Task HandleEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken) => Record(slackEvent);

    public Task HandleCommandAsync(SlackCommand command, CancellationToken cancellationToken) => Record(command);

    public Task HandleInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken) => Record(interaction);

    public Task<SlackViewSubmissionResult> HandleViewSubmissionAsync(SlackViewSubmission submission, CancellationToken cancellationToken)
    {
        Received.Enqueue(submission);
        return Task.FromResult(OnViewSubmission(submission));
    }

    public Task HandleInstalledAsync(SlackInstallation installation, CancellationToken cancellationToken) => Record(installation);

    /// <summary>Waits (up to 10 s) until <paramref name="count"/> items of type T have arrived.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync<T>(int count = 1)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (true)
        {
            var matching = Received.OfType<T>().ToList();
            if (matching.Count >= count || TimeProvider.System.GetUtcNow() > deadline)
            {
                return matching;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private Task Record(object item)
    {
        Received.Enqueue(item);
        return Task.CompletedTask;
    }
}
