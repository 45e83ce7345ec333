using MicroMove.Domain.Scheduling;

namespace MicroMove.Domain.Messages;

/// <summary>
/// The person's schedule and settings as a form (work days, hours, lunch, time zone, routines, the
/// short set's cadence) with a Save action; after a failed save the same form with what they entered
/// and a reason per field; after a good one, "saved", the schedule in words and when the next set comes.
/// </summary>
/// <param name="Reference">Whose schedule this is; Save and Edit carry it back, so a card cannot change someone else's.</param>
/// <param name="Values">What the fields show: the stored schedule, or what was entered when a save failed.</param>
/// <param name="Description">The stored schedule in one line ("Monday to Friday, 09:00–17:30 (Europe/Berlin), …").</param>
/// <param name="Errors">Why the last save failed, per field; empty otherwise.</param>
/// <param name="IsSaved">True once saved: the message then confirms rather than asks.</param>
/// <param name="NextSet">After a save: when the next set comes, or why none will.</param>
public sealed record ScheduleSettingsMessage(
    string Reference,
    ScheduleFormValues Values,
    string Description,
    IReadOnlyDictionary<ScheduleField, string> Errors,
    bool IsSaved,
    string? NextSet) : BotMessage
{
    public MessageAction Save => new(ActionKind.SaveSchedule, "Save", Reference, IsPrimary: true);

    public MessageAction Edit => new(ActionKind.OpenSettings, IsSaved ? "Change again" : "Edit schedule", Reference);

    public override string FallbackText =>
        IsSaved ? $"Schedule saved ✓ {Description} {NextSet}".TrimEnd()
        : Errors.Count > 0 ? $"Your schedule was not saved: {string.Join(" ", Errors.Values)}"
        : $"Your schedule: {Description}";

    /// <summary>The form filled with the stored schedule.</summary>
    public static ScheduleSettingsMessage Form(string reference, WorkSchedule schedule, string description) =>
        new(reference, ScheduleFormValues.From(schedule), description, new Dictionary<ScheduleField, string>(), IsSaved: false, NextSet: null);

    /// <summary>The form again with what was entered and what is wrong with it; nothing was saved.</summary>
    public static ScheduleSettingsMessage Invalid(
        string reference, ScheduleFormValues entered, string description, IReadOnlyDictionary<ScheduleField, string> errors) =>
        new(reference, entered, description, errors, IsSaved: false, NextSet: null);

    /// <summary>The confirmation after a save.</summary>
    public static ScheduleSettingsMessage Saved(string reference, WorkSchedule schedule, string description, string nextSet) =>
        new(reference, ScheduleFormValues.From(schedule), description, new Dictionary<ScheduleField, string>(), IsSaved: true, nextSet);
}
