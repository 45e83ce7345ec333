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
    JoinChallenge,

    /// <summary>"Delete my data" on a <see cref="DeleteConfirmationMessage"/>: the person confirmed.</summary>
    DeleteMyData,

    /// <summary>"Keep my data" on a <see cref="DeleteConfirmationMessage"/>: nothing is deleted.</summary>
    KeepMyData,

    /// <summary>Save the schedule form; the entered values travel with the action.</summary>
    SaveSchedule,
}
