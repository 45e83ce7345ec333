namespace MicroMove.Domain.Tracking;

/// <summary>
/// What became of a prompt the scheduler planned for a slot. Whether the person then did
/// the set is read from the log, not from here.
/// </summary>
public enum PromptStatus
{
    /// <summary>Delivered to the person: counts as prompted, answered or not.</summary>
    Sent,

    /// <summary>The bot failed to deliver it in time (outage, platform error): not prompted.</summary>
    Missed,

    /// <summary>Deliberately not delivered (prompts paused, in a meeting, day off): not prompted.</summary>
    Skipped,
}
