using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack;

/// <summary>
/// The schedule dialog (<c>/micromove schedule</c>): work days, hours, time zone, lunch, routines and
/// recurring meetings (what "before meetings" sets come before).
/// Input block ids double as action ids, so a submission is read as <c>values[id][id]</c> and
/// inline errors are keyed by the same ids.
/// </summary>
internal static class SlackScheduleModal
{
    public const string CallbackId = "mm_schedule";
    public const string Days = "days";
    public const string Start = "start";
    public const string End = "end";
    public const string Zone = "zone";
    public const string Lunch = "lunch";
    public const string Routines = "routines";
    public const string Meetings = "meetings";

    public static JsonObject Build(WorkSchedule schedule)
    {
        var zones = ScheduleForm.ZoneChoices(schedule.TimeZoneId);
        var dayOptions = ScheduleWords.Week.ToDictionary(d => d, d => Option(d.ToString(), d.ToString()));
        var routineOptions = MovementCatalogue.Routines.ToDictionary(r => r.Kind, r => Option(r.Name, r.Slug));
        var zoneOptions = zones.ToDictionary(z => z, z => Option(z, z), StringComparer.Ordinal);

        var days = new JsonObject { ["type"] = "checkboxes", ["action_id"] = Days, ["options"] = new JsonArray([.. dayOptions.Values]) };
        var chosenDays = ScheduleWords.Week.Where(schedule.WorkDays.Contains).Select(d => (JsonNode)dayOptions[d].DeepClone()).ToArray();
        if (chosenDays.Length > 0)
        {
            days["initial_options"] = new JsonArray(chosenDays);
        }

        var routines = new JsonObject { ["type"] = "checkboxes", ["action_id"] = Routines, ["options"] = new JsonArray([.. routineOptions.Values]) };
        var chosenRoutines = MovementCatalogue.Routines.Where(r => schedule.EnabledRoutines.Contains(r.Kind))
            .Select(r => (JsonNode)routineOptions[r.Kind].DeepClone()).ToArray();
        if (chosenRoutines.Length > 0)
        {
            routines["initial_options"] = new JsonArray(chosenRoutines);
        }

        var meetings = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = Meetings,
            ["max_length"] = 300,
            ["placeholder"] = PlainText("e.g. 09:30, 14:00 Mon Wed", 150),
        };
        var meetingsLine = Domain.Messages.ScheduleFormValues.MeetingsLine(schedule.Meetings);
        if (meetingsLine.Length > 0)
        {
            meetings["initial_value"] = meetingsLine;
        }

        var zone = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = Zone,
            ["options"] = new JsonArray([.. zoneOptions.Values.Take(BlockKitLimits.SelectOptions)]),
            ["initial_option"] = zoneOptions[schedule.TimeZoneId].DeepClone(),
        };

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = PlainText("Your schedule", 24),
            ["submit"] = PlainText("Save", 24),
            ["close"] = PlainText("Cancel", 24),
            ["blocks"] = new JsonArray
            {
                Input(Days, "Work days", days),
                Input(Start, "Day starts", TimePicker(Start, schedule.DayStart)),
                Input(End, "Day ends", TimePicker(End, schedule.DayEnd)),
                Input(Zone, "Time zone", zone),
                Input(Lunch, $"Lunch starts ({schedule.LunchDuration.TotalMinutes:0} min)", TimePicker(Lunch, schedule.LunchStart)),
                Input(Routines, "Routines", routines, optional: true),
                Input(Meetings, $"Recurring meetings (a set {schedule.PreMeetingLead.TotalMinutes:0} min before each; a time alone is every work day)", meetings, optional: true),
            },
        };
    }

    /// <summary>
    /// Reads a submission onto the current schedule through the shared <see cref="ScheduleForm"/>: the new
    /// schedule, or inline errors keyed by block id.
    /// </summary>
    public static (WorkSchedule? Schedule, IReadOnlyDictionary<string, string> Errors) Read(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> values, WorkSchedule current, TimeZones zones)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Value(values, Days) is { } days)
        {
            fields[ScheduleForm.Days] = string.Join(ScheduleForm.ListSeparator, days.SelectedOptionValues);
        }

        foreach (var (block, field) in new[] { (Start, ScheduleForm.Start), (End, ScheduleForm.End), (Lunch, ScheduleForm.Lunch) })
        {
            if (Value(values, block)?.SelectedTime is { } time)
            {
                fields[field] = time;
            }
        }

        // The picker always has a choice; a submission without one keeps the zone.
        fields[ScheduleForm.Zone] = Value(values, Zone)?.SelectedOptionValue ?? current.TimeZoneId;
        foreach (var slug in Value(values, Routines)?.SelectedOptionValues ?? [])
        {
            if (MovementCatalogue.Routines.FirstOrDefault(r => r.Slug == slug) is { } routine)
            {
                fields[ScheduleForm.RoutineField(routine.Kind)] = ScheduleForm.On;
            }
        }

        // Left empty, the optional input arrives without a value: no meetings. A dialog opened before it existed has no such block.
        if (values.ContainsKey(Meetings))
        {
            fields[ScheduleForm.Meetings] = Value(values, Meetings)?.Value ?? string.Empty;
        }

        var form = ScheduleForm.Read(fields, current, zones);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message) in form.Errors.OrderBy(pair => pair.Key))
        {
            var block = BlockFor(field);
            errors[block] = errors.TryGetValue(block, out var earlier) ? $"{earlier} {message}" : message;
        }

        return (form.Schedule, errors);
    }

    /// <summary>The dialog's block for a field; what the dialog does not show is reported under the end of the day.</summary>
    private static string BlockFor(ScheduleField field) => field switch
    {
        ScheduleField.WorkDays => Days,
        ScheduleField.DayStart => Start,
        ScheduleField.TimeZone => Zone,
        ScheduleField.LunchStart or ScheduleField.LunchDuration => Lunch,
        ScheduleField.Meetings or ScheduleField.PreMeetingLead => Meetings,
        _ => End,
    };

    private static SlackInputValue? Value(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> values, string id) =>
        values.TryGetValue(id, out var block) && block.TryGetValue(id, out var value) ? value : null;

    private static JsonObject Option(string text, string value) => new()
    {
        ["text"] = PlainText(text, BlockKitLimits.OptionText),
        ["value"] = value,
    };

    private static JsonObject TimePicker(string actionId, TimeOnly initial) => new()
    {
        ["type"] = "timepicker",
        ["action_id"] = actionId,
        ["initial_time"] = ScheduleWords.Time(initial),
    };

    private static JsonObject Input(string blockId, string label, JsonObject element, bool optional = false) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["optional"] = optional,
        ["label"] = PlainText(label, 2000),
        ["element"] = element,
    };
}
