using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// A read settings form: the new schedule when every field is usable (and <see cref="Errors"/> is empty),
/// otherwise no schedule and one message per field to fix. <see cref="Entered"/> is what the form said,
/// for showing it again.
/// </summary>
internal sealed record ScheduleFormResult(WorkSchedule? Schedule, ScheduleFormValues Entered, IReadOnlyDictionary<ScheduleField, string> Errors);
