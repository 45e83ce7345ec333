using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// A set the bot planned for a slot of the workday: when it was due, which routine,
/// and whether it reached the person. Only delivered prompts count as "prompted".
/// </summary>
public sealed record PromptedSet(DateTimeOffset DueAt, RoutineKind Routine, PromptStatus Status)
{
    /// <summary>
    /// How long after its due time a "done" of the same routine still answers a prompt.
    /// The log does not name the prompt it answers, so statistics link them by routine and time.
    /// </summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromHours(12);

    /// <summary>True when the prompt reached the person, so it counts as prompted.</summary>
    public bool WasDelivered => Status == PromptStatus.Sent;

    /// <summary>Whether a log entry can be the answer to this prompt: same routine, done within the response window.</summary>
    public bool IsAnsweredBy(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return IsAnsweredBy(entry.DoneAt, entry.Routine);
    }

    internal bool IsAnsweredBy(DateTimeOffset doneAt, RoutineKind? routine) =>
        WasDelivered
        && routine == Routine
        && doneAt >= DueAt
        && doneAt - DueAt <= ResponseWindow;
}
