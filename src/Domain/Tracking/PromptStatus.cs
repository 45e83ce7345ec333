namespace MicroMove.Domain.Tracking;

/// <summary>What became of a prompt the scheduler had planned for a slot of the workday.</summary>
public enum PromptStatus
{
    /// <summary>Delivered to the person (answered with "done", or still open).</summary>
    Sent,

    /// <summary>Delivered, but the person never answered it with "done".</summary>
    Missed,

    /// <summary>Never delivered: the person had paused prompts, was in a meeting or off that day.</summary>
    Skipped,
}
