using System.Globalization;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using static MicroMove.Bot.Slack.BlockKit.SlackBlocks;

namespace MicroMove.Bot.Slack;

/// <summary>
/// The schedule dialog (<c>/micromove schedule</c>): work days, hours, time zone, lunch and routines.
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

    /// <summary>Common IANA zones offered in the picker; the person's own zone is always added.</summary>
    public static readonly IReadOnlyList<string> CommonZones =
    [
        "Etc/UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam",
        "Europe/Madrid", "Europe/Rome", "Europe/Zurich", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
        "Europe/Istanbul", "Europe/Kyiv", "Africa/Lagos", "Africa/Johannesburg", "Africa/Cairo", "Asia/Dubai", "Asia/Kolkata",
        "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland",
        "America/St_Johns", "America/Halifax", "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Mexico_City", "America/Bogota",
        "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
    ];

    public static JsonObject Build(WorkSchedule schedule)
    {
        var zones = CommonZones.Contains(schedule.TimeZoneId, StringComparer.Ordinal) ? CommonZones : [schedule.TimeZoneId, .. CommonZones];
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
            },
        };
    }

    /// <summary>Reads a submission onto the current schedule: the new schedule, or inline errors keyed by block id.</summary>
    public static (WorkSchedule? Schedule, IReadOnlyDictionary<string, string> Errors) Read(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> values, WorkSchedule current, TimeZones zones)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var days = Value(values, Days)?.SelectedOptionValues
            .Select(v => Enum.TryParse<DayOfWeek>(v, out var day) ? day : (DayOfWeek?)null)
            .OfType<DayOfWeek>().ToHashSet() ?? [];
        var start = Time(values, Start, errors, current.DayStart);
        var end = Time(values, End, errors, current.DayEnd);
        var lunch = Time(values, Lunch, errors, current.LunchStart);
        var zoneId = Value(values, Zone)?.SelectedOptionValue ?? current.TimeZoneId;
        if (!zones.TryFind(zoneId, out _))
        {
            errors[Zone] = $"“{zoneId}” is not a time zone I know — pick one from the list.";
        }

        var routines = Value(values, Routines)?.SelectedOptionValues
            .Select(slug => MovementCatalogue.Routines.FirstOrDefault(r => r.Slug == slug)?.Kind)
            .OfType<RoutineKind>().ToHashSet() ?? [];

        var schedule = current with
        {
            WorkDays = days,
            DayStart = start,
            DayEnd = end,
            LunchStart = lunch,
            TimeZoneId = zoneId,
            EnabledRoutines = routines,
        };
        foreach (var problem in schedule.Validate())
        {
            var block = BlockFor(problem);
            errors[block] = errors.TryGetValue(block, out var earlier) ? $"{earlier} {problem}" : problem;
        }

        return errors.Count == 0 ? (schedule, errors) : (null, errors);
    }

    private static string BlockFor(string problem) =>
        problem.Contains("lunch", StringComparison.OrdinalIgnoreCase) ? Lunch
        : problem.Contains("work day", StringComparison.OrdinalIgnoreCase) ? Days
        : problem.Contains("time zone", StringComparison.OrdinalIgnoreCase) ? Zone
        : problem.Contains("start", StringComparison.OrdinalIgnoreCase) && !problem.Contains("end", StringComparison.OrdinalIgnoreCase) ? Start
        : End;

    private static SlackInputValue? Value(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> values, string id) =>
        values.TryGetValue(id, out var block) && block.TryGetValue(id, out var value) ? value : null;

    private static TimeOnly Time(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> values, string id, Dictionary<string, string> errors, TimeOnly fallback)
    {
        var text = Value(values, id)?.SelectedTime;
        if (text is null)
        {
            errors[id] = "Please pick a time.";
            return fallback;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors[id] = $"“{text}” is not a time (HH:mm).";
        return fallback;
    }

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
