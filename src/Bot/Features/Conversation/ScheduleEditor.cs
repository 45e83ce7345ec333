using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// The settings message on every platform: <c>schedule</c> shows the person's form, Edit shows it
/// again in place, Save reads it with <see cref="ScheduleForm"/> and either answers with the same form,
/// what was entered and a reason per field (nothing saved), or saves and answers "saved" with the next set.
/// </summary>
internal sealed partial class ScheduleEditor(People people, TimeZones zones, ILogger<ScheduleEditor> logger)
{
    public const string NotYours = "That settings card belongs to someone else — type schedule for your own.";

    public static ScheduleSettingsMessage Show(PersonEntity person)
    {
        var schedule = person.ToWorkSchedule();
        return ScheduleSettingsMessage.Form(ReferenceOf(person), schedule, ScheduleWords.Describe(schedule));
    }

    /// <summary>Edit or Save on a settings message: the message's new state, to replace it in place.</summary>
    public async Task<ConversationReply> HandleAsync(PersonEntity person, ParsedAction action, CancellationToken cancellationToken)
    {
        if (action.Reference != ReferenceOf(person))
        {
            // In a channel anyone may press the card someone else asked for: it must not change their schedule.
            return ConversationReply.Say(new NoticeMessage(NotYours, IsCorrection: true));
        }

        if (action.Kind != ActionKind.SaveSchedule)
        {
            return InPlace(Show(person));
        }

        var current = person.ToWorkSchedule();
        var form = ScheduleForm.Read(action.Inputs, current, zones);
        if (form.Schedule is not { } schedule)
        {
            LogNotSaved(logger, person.Id, form.Errors.Keys);
            return InPlace(ScheduleSettingsMessage.Invalid(ReferenceOf(person), form.Entered, ScheduleWords.Describe(current), form.Errors));
        }

        var next = await people.SaveScheduleAsync(person.Id, schedule, cancellationToken);
        LogSaved(logger, person.Id, next);
        return InPlace(ScheduleSettingsMessage.Saved(ReferenceOf(person), schedule, ScheduleWords.Describe(schedule), NextSet(schedule, next)));
    }

    /// <summary>What Save and Edit carry back: whose schedule the card shows.</summary>
    public static string ReferenceOf(PersonEntity person) => person.Id.ToString("N");

    private string NextSet(WorkSchedule schedule, DateTimeOffset? next) =>
        next is { } at && zones.TryFind(schedule.TimeZoneId, out var zone)
            ? $"Your next set: {TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)}."
            : "No routine is switched on, so no sets will come until you turn one on.";

    private static ConversationReply InPlace(BotMessage message) => new([], new MessageUpdate(null, message));

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of person {PersonId} saved; next prompt at {NextPromptAt}")]
    private static partial void LogSaved(ILogger logger, Guid personId, DateTimeOffset? nextPromptAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of person {PersonId} not saved: {Fields} need fixing")]
    private static partial void LogNotSaved(ILogger logger, Guid personId, IEnumerable<ScheduleField> fields);
}
