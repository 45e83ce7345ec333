namespace MicroMove.Bot.Slack;

/// <summary>One piece of work accepted by an endpoint, run after the ack in a DI scope of its own.</summary>
internal sealed record SlackInboundWork(string Description, Func<IServiceProvider, CancellationToken, Task> RunAsync);
