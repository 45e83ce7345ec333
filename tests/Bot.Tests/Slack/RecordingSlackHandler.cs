using System.Collections.Concurrent;
using MicroMove.Bot.Slack;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>A test double for the features: records everything handed on and answers view submissions as told.</summary>
internal sealed class RecordingSlackHandler : ISlackInboundHandler
{
    public ConcurrentQueue<object> Received { get; } = new();

    public Func<SlackViewSubmission, SlackViewSubmissionResult> OnViewSubmission { get; set; } = _ => SlackViewSubmissionResult.Close;

    /// <summary>How long a view submission takes (honouring the cancellation token), to test the 3 s budget.</summary>
    public TimeSpan ViewSubmissionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>What a command's ack carries, and how long finding it takes (honouring the cancellation token).</summary>
    public SlackCommandAck Ack { get; set; } = SlackCommandAck.Silent;

    public TimeSpan AckDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Commands whose text is this make the handler throw (after recording them).</summary>
    public string? FailOnCommandText { get; set; }

    public Task HandleEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken) => Record(slackEvent);

    public async Task<SlackCommandAck> AcknowledgeCommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        if (AckDelay > TimeSpan.Zero)
        {
            await Task.Delay(AckDelay, cancellationToken);
        }

        return Ack;
    }

    public Task HandleCommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        Received.Enqueue(command);
        return command.Text == FailOnCommandText
            ? throw new InvalidOperationException("feature failed")
            : Task.CompletedTask;
    }

    public Task HandleInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken) => Record(interaction);

    public async Task<SlackViewSubmissionResult> HandleViewSubmissionAsync(SlackViewSubmission submission, CancellationToken cancellationToken)
    {
        Received.Enqueue(submission);
        if (ViewSubmissionDelay > TimeSpan.Zero)
        {
            await Task.Delay(ViewSubmissionDelay, cancellationToken);
        }

        return OnViewSubmission(submission);
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
