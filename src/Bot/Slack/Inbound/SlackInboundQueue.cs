using System.Threading.Channels;

namespace MicroMove.Bot.Slack;

/// <summary>
/// The bounded hand-off between the endpoints (which must answer within 3 s) and the workers.
/// When it is full, <see cref="TryEnqueue"/> says so and the endpoint answers 503 so Slack retries later.
/// </summary>
internal sealed class SlackInboundQueue
{
    public const int Capacity = 1024;

    private readonly Channel<SlackInboundWork> _channel = Channel.CreateBounded<SlackInboundWork>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    public ChannelReader<SlackInboundWork> Reader => _channel.Reader;

    public bool TryEnqueue(SlackInboundWork work) => _channel.Writer.TryWrite(work);
}
