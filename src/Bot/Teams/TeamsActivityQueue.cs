using System.Threading.Channels;

namespace MicroMove.Bot.Teams;

/// <summary>The bounded queue between the 200 ack and the handler: activities waiting to be handled.</summary>
internal sealed class TeamsActivityQueue
{
    public const int Capacity = 1024;
    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(2);

    private readonly Channel<TeamsActivity> _channel = Channel.CreateBounded<TeamsActivity>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<TeamsActivity> Reader => _channel.Reader;

    /// <summary>Queues the activity, waiting briefly for room; false when the queue stayed full.</summary>
    public async Task<bool> TryEnqueueAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(activity))
        {
            return true;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(EnqueueWait);
        try
        {
            await _channel.Writer.WriteAsync(activity, wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
