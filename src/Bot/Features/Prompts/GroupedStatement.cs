using System.Threading.Channels;
using Npgsql;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// One statement written for many callers ("group commit"): requests that arrive while the previous group's
/// statement runs go together into the next one, up to <see cref="MaxGroup"/>. Nothing waits to fill a group,
/// so a lone request is written at once; under load, hundreds of requests a second become a few statements.
/// Each caller learns whether the statement applied to its own row — its key came back: the row's id with the
/// claim's attempt, so that a stale claim and the current one of the same row in one group are told apart. When the statement
/// fails, every caller of that group gets the exception, as each would have from a statement of its own;
/// a deadlock with another node's statement is retried once first (the statements are conditional updates,
/// so running one again changes nothing that the first run changed).
/// </summary>
internal sealed class GroupedStatement<TRequest> : IAsyncDisposable
{
    public const int MaxGroup = 500;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlySet<RowKey>>> _execute;
    private readonly Func<TRequest, RowKey> _keyOf;
    private readonly Task _loop;

    /// <param name="execute">Runs the statement for a group; returns the keys of the rows it applied to.</param>
    /// <param name="keyOf">The row (and claim) a request is about.</param>
    public GroupedStatement(Func<IReadOnlyList<TRequest>, Task<IReadOnlySet<RowKey>>> execute, Func<TRequest, RowKey> keyOf)
    {
        _execute = execute;
        _keyOf = keyOf;
        _loop = Task.Run(WriteGroupsAsync);
    }

    /// <summary>Writes <paramref name="request"/> with the next group; true when the statement applied to its row.</summary>
    public Task<bool> RunAsync(TRequest request)
    {
        var waiting = new Waiting(request, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(waiting), this);

        return waiting.Applied.Task;
    }

    /// <summary>Writes what was asked for so far, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<Waiting>();
        var requests = new List<TRequest>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var waiting))
            {
                group.Add(waiting);
                requests.Add(waiting.Request);
            }

            try
            {
                var applied = await ExecuteAsync(requests);
                foreach (var waiting in group)
                {
                    waiting.Applied.TrySetResult(applied.Contains(_keyOf(waiting.Request)));
                }
            }
            catch (Exception exception)
            {
                foreach (var waiting in group)
                {
                    waiting.Applied.TrySetException(exception);
                }
            }

            group.Clear();
            requests.Clear();
        }
    }

    private async Task<IReadOnlySet<RowKey>> ExecuteAsync(IReadOnlyList<TRequest> requests)
    {
        try
        {
            return await _execute(requests);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            return await _execute(requests);
        }
    }

    private sealed record Waiting(TRequest Request, TaskCompletionSource<bool> Applied);
}

/// <summary>A delivery row as one claim of it: its id and the claim's attempt.</summary>
internal readonly record struct RowKey(Guid Id, int Attempts);
