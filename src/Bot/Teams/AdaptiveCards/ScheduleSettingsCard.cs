using System.Globalization;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using static MicroMove.Bot.Teams.AdaptiveCards.CardElements;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// The settings form as an Adaptive Card: a labelled input per field, one toggle per routine and
/// Save (Action.Execute with every input attached). Teams shows an input's <c>errorMessage</c> only
/// for its own client-side checks, so the bot's reasons are TextBlocks in the attention colour under
/// the inputs they concern. Once saved: "saved", the schedule in words and the next set.
/// </summary>
internal static class ScheduleSettingsCard
{
    public const string Title = "Your schedule";
    public const string SavedTitle = "Schedule saved ✓";

    public static IEnumerable<JsonObject> Body(ScheduleSettingsMessage settings)
    {
        if (settings.IsSaved)
        {
            yield return Heading(SavedTitle);
            yield return Text(settings.Description);
            if (settings.NextSet is { } next)
            {
                yield return Text(next, subtle: true);
            }

            yield return ActionSet([Execute(settings.Edit)]);
            yield break;
        }

        var values = settings.Values;
        var errors = ErrorsByInput(settings.Errors);
        yield return Heading(Title);
        yield return Text("Change what you like and press Save. Times are in your time zone.", subtle: true);
        if (settings.Errors.Count > 0)
        {
            yield return Problem("Not saved — please fix what is marked below.");
        }

        foreach (var elsewhere in errors.GetValueOrDefault(string.Empty) ?? [])
        {
            yield return Problem(elsewhere);
        }

        foreach (var element in Field(Days(values.WorkDays), errors))
        {
            yield return element;
        }

        yield return Columns(
            Field(TimeInput(ScheduleForm.Start, "Day starts", values.DayStart), errors),
            Field(TimeInput(ScheduleForm.End, "Day ends", values.DayEnd), errors));
        yield return Columns(
            Field(TimeInput(ScheduleForm.Lunch, "Lunch starts", values.LunchStart), errors),
            Field(NumberInput(ScheduleForm.LunchMinutes, "Lunch (minutes)", values.LunchMinutes, 1, 240), errors));
        foreach (var element in Field(Zone(values.TimeZoneId), errors))
        {
            yield return element;
        }

        yield return Text("**Sets through the day**", separator: true);
        foreach (var routine in MovementCatalogue.Routines)
        {
            yield return Toggle(routine, values.Routines.Contains(routine.Kind));
        }

        foreach (var element in Field(
            NumberInput(ScheduleForm.Cadence, "Short set every … minutes", values.CadenceMinutes, (int)WorkSchedule.MinCadence.TotalMinutes, (int)WorkSchedule.MaxCadence.TotalMinutes),
            errors))
        {
            yield return element;
        }

        yield return Text("**Recurring meetings**", separator: true);
        foreach (var element in Field(MeetingsInput(values.Meetings), errors))
        {
            yield return element;
        }

        foreach (var element in Field(
            NumberInput(ScheduleForm.MeetingLead, "Set before each meeting, minutes ahead", values.MeetingLeadMinutes, 0, (int)WorkSchedule.MaxPreMeetingLead.TotalMinutes),
            errors))
        {
            yield return element;
        }

        yield return ActionSet([SaveWithInputs(settings.Save)]);
    }

    /// <summary>The Save action, sending every input of the card with its data (Teams merges them into <c>action.data</c>).</summary>
    private static JsonObject SaveWithInputs(MessageAction save)
    {
        var action = Execute(save);
        action["associatedInputs"] = "auto";
        return action;
    }

    /// <summary>Errors by the input they belong under; the empty key holds those no input of this card concerns.</summary>
    private static Dictionary<string, List<string>> ErrorsByInput(IReadOnlyDictionary<ScheduleField, string> errors)
    {
        var byInput = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (field, message) in errors.OrderBy(pair => pair.Key))
        {
            var input = field switch
            {
                ScheduleField.WorkDays => ScheduleForm.Days,
                ScheduleField.DayStart => ScheduleForm.Start,
                ScheduleField.DayEnd or ScheduleField.EndOfDayLead => ScheduleForm.End,
                ScheduleField.LunchStart => ScheduleForm.Lunch,
                ScheduleField.LunchDuration => ScheduleForm.LunchMinutes,
                ScheduleField.TimeZone => ScheduleForm.Zone,
                ScheduleField.Cadence => ScheduleForm.Cadence,
                ScheduleField.Meetings => ScheduleForm.Meetings,
                ScheduleField.PreMeetingLead => ScheduleForm.MeetingLead,
                _ => string.Empty,
            };
            if (!byInput.TryGetValue(input, out var list))
            {
                byInput[input] = list = [];
            }

            list.Add(message);
        }

        return byInput;
    }

    /// <summary>An input followed by the bot's reasons about it, if any.</summary>
    private static IEnumerable<JsonObject> Field(JsonObject input, Dictionary<string, List<string>> errors)
    {
        yield return input;
        foreach (var message in errors.GetValueOrDefault((string?)input["id"] ?? string.Empty) ?? [])
        {
            yield return Problem(message);
        }
    }

    private static JsonObject Problem(string message)
    {
        var block = Text($"⚠️ {message}");
        block["color"] = "attention";
        block["size"] = "small";
        block["spacing"] = "none";
        return block;
    }

    private static JsonObject Columns(IEnumerable<JsonObject> left, IEnumerable<JsonObject> right) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JsonArray(Column(left), Column(right)),
    };

    private static JsonObject Column(IEnumerable<JsonObject> items) => new()
    {
        ["type"] = "Column",
        ["width"] = "stretch",
        ["items"] = new JsonArray([.. items]),
    };

    private static JsonObject Days(IReadOnlySet<DayOfWeek> chosen)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = ScheduleForm.Days,
            ["label"] = "Work days",
            ["isMultiSelect"] = true,
            ["isRequired"] = true,
            ["errorMessage"] = "Pick at least one work day.",
            ["choices"] = new JsonArray([.. ScheduleWords.Week.Select(day => (JsonNode)Choice(day.ToString(), day.ToString()))]),
        };
        var value = string.Join(ScheduleForm.ListSeparator, ScheduleWords.Week.Where(chosen.Contains));
        if (value.Length > 0)
        {
            input["value"] = value;
        }

        return input;
    }

    private static JsonObject Zone(string zoneId)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = ScheduleForm.Zone,
            ["label"] = "Time zone",
            ["style"] = "compact",
            ["isRequired"] = true,
            ["errorMessage"] = "Pick your time zone.",
            ["choices"] = new JsonArray([.. ScheduleForm.ZoneChoices(zoneId).Select(zone => (JsonNode)Choice(zone, zone))]),
        };
        if (zoneId.Length > 0)
        {
            input["value"] = zoneId;
        }

        return input;
    }

    /// <summary>The meetings as one line of text ("09:30, 14:00 Mon Wed"); empty is none.</summary>
    private static JsonObject MeetingsInput(string value) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = ScheduleForm.Meetings,
        ["label"] = "Times, with days if not every work day",
        ["placeholder"] = "e.g. 09:30, 14:00 Mon Wed",
        ["maxLength"] = 300,
        ["value"] = value,
    };

    /// <summary>An Input.Time; a value it could not show (not HH:mm) is left out, and the error under it says why.</summary>
    private static JsonObject TimeInput(string id, string label, string value)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Time",
            ["id"] = id,
            ["label"] = label,
            ["isRequired"] = true,
            ["errorMessage"] = "Pick a time.",
        };
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            input["value"] = value;
        }

        return input;
    }

    private static JsonObject NumberInput(string id, string label, string value, int min, int max)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Number",
            ["id"] = id,
            ["label"] = label,
            ["min"] = min,
            ["max"] = max,
            ["errorMessage"] = $"A whole number of minutes, {min}–{max}.",
        };
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            input["value"] = number;
        }

        return input;
    }

    private static JsonObject Toggle(Routine routine, bool on) => new()
    {
        ["type"] = "Input.Toggle",
        ["id"] = ScheduleForm.RoutineField(routine.Kind),
        ["title"] = routine.Kind == RoutineKind.Every30Minutes ? "Short sets through the day" : routine.Name,
        ["value"] = on ? ScheduleForm.On : ScheduleForm.Off,
        ["valueOn"] = ScheduleForm.On,
        ["valueOff"] = ScheduleForm.Off,
    };

    private static JsonObject Choice(string title, string value) => new()
    {
        ["title"] = SafeText.Truncate(title, MaxTextLength),
        ["value"] = value,
    };
}
