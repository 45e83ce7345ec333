namespace MicroMove.Domain.Messages;

/// <summary>What pressing a button or choosing a value asks the bot to do.</summary>
public enum ActionKind
{
    Done,
    Snooze,
    Skip,
    RateBefore,
    RateAfter,
    InstantSet,
    Pause,
    Resume,
    OpenSettings,

    /// <summary>Save the schedule form; the entered values travel with the action.</summary>
    SaveSchedule,
}
