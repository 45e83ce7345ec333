using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// The settings form every platform fills in. In: input id → the text entered (Teams merges inputs into
/// the Action.Execute data under these ids; the Slack dialog's state is mapped onto them). Out: the new
/// <see cref="WorkSchedule"/>, or one message per field to fix. A missing day, time or zone is an error;
/// the lunch length and the cadence keep their current value when the form leaves them out (Slack's
/// dialog does not show them), and so do the meetings and their lead when a form has no such input.
/// </summary>
internal static class ScheduleForm
{
    public const string Days = "days";
    public const string Start = "start";
    public const string End = "end";
    public const string Lunch = "lunch";
    public const string LunchMinutes = "lunchMinutes";
    public const string Zone = "zone";
    public const string Cadence = "cadence";
    public const string Meetings = "meetings";
    public const string MeetingLead = "meetingLead";

    /// <summary>More recurring meetings than a day could hold sets before are not read.</summary>
    public const int MaxMeetings = 12;

    /// <summary>Each routine is a toggle "routine-{slug}" whose value is <see cref="On"/> or <see cref="Off"/>.</summary>
    public const string RoutinePrefix = "routine-";
    public const string On = "true";
    public const string Off = "false";

    /// <summary>A multi-select's values arrive joined by commas (the Adaptive Cards separator).</summary>
    public const char ListSeparator = ',';

    /// <summary>IANA ids are short; anything longer is not looked up (the zone cache would keep it).</summary>
    private const int MaxZoneIdLength = 64;

    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>Common IANA zones offered in pickers; the person's own zone is always added.</summary>
    public static IReadOnlyList<string> CommonZones { get; } =
    [
        "Etc/UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam",
        "Europe/Madrid", "Europe/Rome", "Europe/Zurich", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
        "Europe/Istanbul", "Europe/Kyiv", "Africa/Lagos", "Africa/Johannesburg", "Africa/Cairo", "Asia/Dubai", "Asia/Kolkata",
        "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland",
        "America/St_Johns", "America/Halifax", "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Mexico_City", "America/Bogota",
        "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
    ];

    /// <summary>The zones a picker offers: the common ones, with <paramref name="zoneId"/> first when it is not among them.</summary>
    public static IReadOnlyList<string> ZoneChoices(string zoneId) =>
        zoneId.Length == 0 || CommonZones.Contains(zoneId, StringComparer.Ordinal) ? CommonZones : [zoneId, .. CommonZones];

    public static string RoutineField(RoutineKind kind) => RoutinePrefix + MovementCatalogue.Get(kind).Slug;

    /// <summary>Reads the form onto <paramref name="current"/>: every field is checked, so all problems show at once.</summary>
    public static ScheduleFormResult Read(IReadOnlyDictionary<string, string>? fields, WorkSchedule current, TimeZones zones)
    {
        fields ??= NoFields;
        var errors = new Dictionary<ScheduleField, List<string>>();
        var days = ReadDays(Text(fields, Days), errors);
        // An unreadable entry is reported and the current value stands in for it.
        var start = ReadTime(fields, Start, ScheduleField.DayStart, current.DayStart, errors);
        var end = ReadTime(fields, End, ScheduleField.DayEnd, current.DayEnd, errors);
        var lunch = ReadTime(fields, Lunch, ScheduleField.LunchStart, current.LunchStart, errors);
        var lunchLength = ReadMinutes(fields, LunchMinutes, ScheduleField.LunchDuration, current.LunchDuration, errors);
        var cadence = ReadMinutes(fields, Cadence, ScheduleField.Cadence, current.Cadence, errors);
        var meetings = fields.ContainsKey(Meetings) ? ReadMeetings(Text(fields, Meetings), errors) : current.Meetings;
        var meetingLead = ReadMinutes(fields, MeetingLead, ScheduleField.PreMeetingLead, current.PreMeetingLead, errors);
        var zoneId = Text(fields, Zone);
        if (zoneId.Length > 0 && (zoneId.Length > MaxZoneIdLength || !zones.TryFind(zoneId, out _)))
        {
            Add(errors, ScheduleField.TimeZone, $"“{Shorten(zoneId)}” is not a time zone I know — pick one from the list.");
        }

        var routines = MovementCatalogue.Routines
            .Where(r => string.Equals(Text(fields, RoutineField(r.Kind)), On, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Kind)
            .ToHashSet();

        var schedule = current with
        {
            WorkDays = days,
            DayStart = start,
            DayEnd = end,
            LunchStart = lunch,
            LunchDuration = lunchLength,
            TimeZoneId = zoneId,
            EnabledRoutines = routines,
            Cadence = cadence,
            Meetings = meetings,
            PreMeetingLead = meetingLead,
        };
        // How the times relate cannot be judged while one of them is unreadable: that would blame a good
        // entry for the stand-in ("ends before it starts") next to the real problem.
        var timesRead = !errors.ContainsKey(ScheduleField.DayStart) && !errors.ContainsKey(ScheduleField.DayEnd) && !errors.ContainsKey(ScheduleField.LunchStart);
        foreach (var problem in schedule.Problems().Where(p => timesRead || !RelatesTimes(p.Field)))
        {
            Add(errors, problem.Field, problem.Message);
        }

        // A meeting entered outside the workday would silently never get its set: say so (once the day itself is sound).
        var dayRead = timesRead && !errors.ContainsKey(ScheduleField.DayEnd);
        foreach (var meeting in meetings.Where(m => fields.ContainsKey(Meetings) && dayRead && (m.Start < start || m.Start >= end)))
        {
            Add(errors, ScheduleField.Meetings, $"The meeting at {ScheduleWords.Time(meeting.Start)} is outside your work hours ({ScheduleWords.Time(start)}–{ScheduleWords.Time(end)}), so no set would come before it.");
        }

        var entered = new ScheduleFormValues(
            days,
            Text(fields, Start),
            Text(fields, End),
            Text(fields, Lunch),
            fields.ContainsKey(LunchMinutes) ? Text(fields, LunchMinutes) : ScheduleFormValues.Minutes(current.LunchDuration),
            zoneId.Length <= MaxZoneIdLength ? zoneId : string.Empty,
            routines,
            fields.ContainsKey(Cadence) ? Text(fields, Cadence) : ScheduleFormValues.Minutes(current.Cadence),
            fields.ContainsKey(Meetings) ? Text(fields, Meetings) : ScheduleFormValues.MeetingsLine(current.Meetings),
            fields.ContainsKey(MeetingLead) ? Text(fields, MeetingLead) : ScheduleFormValues.Minutes(current.PreMeetingLead));
        var messages = errors.ToDictionary(pair => pair.Key, pair => string.Join(' ', pair.Value));
        return new ScheduleFormResult(messages.Count == 0 ? schedule : null, entered, messages);
    }

    private static bool RelatesTimes(ScheduleField field) =>
        field is ScheduleField.DayEnd or ScheduleField.LunchStart or ScheduleField.EndOfDayLead;

    private static HashSet<DayOfWeek> ReadDays(string text, Dictionary<ScheduleField, List<string>> errors)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var name in text.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var day = ScheduleWords.Week.Where(d => string.Equals(d.ToString(), name, StringComparison.OrdinalIgnoreCase)).Cast<DayOfWeek?>().FirstOrDefault();
            if (day is { } known)
            {
                days.Add(known);
            }
            else
            {
                Add(errors, ScheduleField.WorkDays, $"“{Shorten(name)}” is not a day of the week.");
            }
        }

        return days;
    }

    /// <summary>
    /// "09:30, 14:00 Mon Wed": meetings separated by commas (or semicolons), each a time and, if not on every work
    /// day, the days it is on (names or their first three letters). Empty: no meetings.
    /// </summary>
    private static List<RecurringMeeting> ReadMeetings(string text, Dictionary<ScheduleField, List<string>> errors)
    {
        var meetings = new List<RecurringMeeting>();
        var entries = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length > MaxMeetings)
        {
            Add(errors, ScheduleField.Meetings, $"Up to {MaxMeetings} recurring meetings, please.");
            return meetings;
        }

        foreach (var entry in entries)
        {
            var words = entry.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!TimeOnly.TryParseExact(words[0], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                Add(errors, ScheduleField.Meetings, $"“{Shorten(words[0])}” is not a time (HH:mm) — write each meeting as e.g. “14:00 Mon Wed”.");
                continue;
            }

            var days = new HashSet<DayOfWeek>();
            foreach (var word in words.Skip(1))
            {
                var day = ScheduleWords.Week.Where(d => word.Length >= 3 && d.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase)).Cast<DayOfWeek?>().FirstOrDefault();
                if (day is { } known)
                {
                    days.Add(known);
                }
                else
                {
                    Add(errors, ScheduleField.Meetings, $"“{Shorten(word)}” is not a day of the week.");
                }
            }

            meetings.Add(new RecurringMeeting(start, words.Length > 1 ? days : null));
        }

        return meetings;
    }

    private static TimeOnly ReadTime(
        IReadOnlyDictionary<string, string> fields, string id, ScheduleField field, TimeOnly fallback, Dictionary<ScheduleField, List<string>> errors)
    {
        var text = Text(fields, id);
        if (text.Length == 0)
        {
            Add(errors, field, "Please pick a time.");
            return fallback;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Add(errors, field, $"“{Shorten(text)}” is not a time (HH:mm).");
        return fallback;
    }

    private static TimeSpan ReadMinutes(
        IReadOnlyDictionary<string, string> fields, string id, ScheduleField field, TimeSpan current, Dictionary<ScheduleField, List<string>> errors)
    {
        var text = Text(fields, id);
        if (text.Length == 0)
        {
            return current;
        }

        // Negative or huge numbers parse; the schedule's own rules then say what range is allowed.
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minutes))
        {
            return TimeSpan.FromMinutes(minutes);
        }

        Add(errors, field, $"“{Shorten(text)}” is not a whole number of minutes.");
        return current;
    }

    private static string Text(IReadOnlyDictionary<string, string> fields, string id) =>
        fields.TryGetValue(id, out var value) ? value.Trim() : string.Empty;

    private static void Add(Dictionary<ScheduleField, List<string>> errors, ScheduleField field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Entries are echoed in messages; a pasted essay should not be.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");
}
