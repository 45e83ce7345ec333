using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;

namespace MicroMove.Bot.Tests.Teams.AdaptiveCards;

/// <summary>The settings form as an Adaptive Card, and its way back through Teams' invoke into the shared form reader.</summary>
public sealed class ScheduleSettingsCardTests
{
    private static readonly IReadOnlyDictionary<string, BotMessage> Samples = MessageSamples.All(string.Empty);

    private static JsonObject Card(string name) => AdaptiveCardRenderer.Render(Samples[name]);

    private static List<JsonObject> Inputs(JsonObject card) =>
        [.. JsonWalk.Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)];

    [Fact]
    public void Form_HasALabelledInputPerField_ATogglePerRoutine_AndASaveThatSendsThemAll()
    {
        var card = Card("schedule-settings");

        var inputs = Inputs(card);
        Assert.Equal(
            [ScheduleForm.Days, ScheduleForm.Start, ScheduleForm.End, ScheduleForm.Lunch, ScheduleForm.LunchMinutes, ScheduleForm.Zone,
             .. MovementCatalogue.Routines.Select(r => ScheduleForm.RoutineField(r.Kind)), ScheduleForm.Cadence, ScheduleForm.Meetings, ScheduleForm.MeetingLead],
            inputs.Select(i => (string?)i["id"]));
        Assert.All(inputs.Where(i => (string?)i["type"] != "Input.Toggle"), i => Assert.False(string.IsNullOrWhiteSpace((string?)i["label"])));
        Assert.All(inputs.Where(i => (string?)i["type"] == "Input.Toggle"), i => Assert.False(string.IsNullOrWhiteSpace((string?)i["title"])));
        var days = inputs[0];
        Assert.Equal(("Input.ChoiceSet", true, true), ((string?)days["type"], (bool?)days["isMultiSelect"], (bool?)days["isRequired"]));
        Assert.Equal("Monday,Tuesday,Wednesday,Thursday,Friday", (string?)days["value"]);
        Assert.Equal(["Input.Time", "Input.Time", "Input.Time"], inputs.Skip(1).Take(3).Select(i => (string?)i["type"]));
        Assert.Equal(["09:00", "17:30", "12:30"], inputs.Skip(1).Take(3).Select(i => (string?)i["value"]));
        var zone = inputs.Single(i => (string?)i["id"] == ScheduleForm.Zone);
        Assert.Equal(("compact", "Europe/Berlin"), ((string?)zone["style"], (string?)zone["value"]));

        var save = Assert.Single(JsonWalk.OfType(card, "Action.Execute"));
        Assert.Equal((TeamsVerbs.SaveSchedule, "auto"), ((string?)save["verb"], (string?)save["associatedInputs"]));
        Assert.Equal(TeamsVerbs.SaveSchedule, (string?)save["fallback"]?["data"]?["verb"]);
    }

    [Fact]
    public void Form_SentBackAsTeamsWouldSendIt_ReadsAsTheSameSchedule()
    {
        var message = Assert.IsType<ScheduleSettingsMessage>(Samples["schedule-settings"]);
        var card = Card("schedule-settings");
        var save = Assert.Single(JsonWalk.OfType(card, "Action.Execute"));

        // Teams (and the JS renderer) merge every set input into the action's data, all values as strings.
        var data = save["data"]?.DeepClone().AsObject() ?? [];
        foreach (var input in Inputs(card).Where(i => i["value"] is not null))
        {
            data[(string?)input["id"] ?? string.Empty] = input["value"]?.ToString();
        }

        var invoke = JsonDocument.Parse(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = save["verb"]?.DeepClone(), ["data"] = data } }.ToJsonString());
        var parsed = TeamsActionValue.ParseInvoke(invoke.RootElement);

        Assert.True(parsed.IsOurs, parsed.NotOursReason);
        Assert.Equal((ActionKind.SaveSchedule, message.Reference), (parsed.Action.Kind, parsed.Action.Reference));
        var berlin = WorkSchedule.Default("Europe/Berlin");
        var read = ScheduleForm.Read(parsed.Action.Inputs, berlin with { DayStart = new TimeOnly(7, 0) }, new TimeZones());
        Assert.Empty(read.Errors);
        Assert.Equivalent(berlin, read.Schedule, strict: true);
    }

    [Fact]
    public void Errors_ShowUnderTheirInputs_InTheAttentionColour_WithWhatWasEntered()
    {
        var message = Assert.IsType<ScheduleSettingsMessage>(Samples["schedule-settings-errors"]);
        var card = Card("schedule-settings-errors");
        var elements = JsonWalk.Objects(card).Where(o => o.ContainsKey("type")).ToList();

        Assert.NotEmpty(message.Errors);
        foreach (var (field, error) in message.Errors)
        {
            var shown = elements.FindIndex(e => (string?)e["type"] == "TextBlock" && ((string?)e["text"])?.Contains(error, StringComparison.Ordinal) == true);
            Assert.True(shown > 0, $"{field}: '{error}' is not on the card");
            Assert.Equal("attention", (string?)elements[shown]["color"]);
            // The nearest input above the message is the one it is about.
            var input = elements.Take(shown).Last(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);
            Assert.Equal(
                field switch
                {
                    ScheduleField.DayEnd => ScheduleForm.End,
                    ScheduleField.TimeZone => ScheduleForm.Zone,
                    ScheduleField.WorkDays => ScheduleForm.Days,
                    ScheduleField.Cadence => ScheduleForm.Cadence,
                    _ => throw new InvalidOperationException($"the sample has an unexpected error on {field}"),
                },
                (string?)input["id"]);
        }

        var inputs = Inputs(card);
        Assert.Equal("17:00", (string?)inputs.Single(i => (string?)i["id"] == ScheduleForm.Start)["value"]);
        Assert.Equal("Mars/Olympus_Mons", (string?)inputs.Single(i => (string?)i["id"] == ScheduleForm.Zone)["value"]);
        Assert.Null(inputs.Single(i => (string?)i["id"] == ScheduleForm.Days)["value"]);
        Assert.All(inputs.Where(i => (bool?)i["isRequired"] == true), i => Assert.False(string.IsNullOrWhiteSpace((string?)i["errorMessage"])));
        Assert.Single(JsonWalk.OfType(card, "Action.Execute"), a => (string?)a["verb"] == TeamsVerbs.SaveSchedule);
    }

    [Fact]
    public void Saved_SaysSo_WithTheScheduleInWords_TheNextSet_AndAWayBackToTheForm()
    {
        var message = Assert.IsType<ScheduleSettingsMessage>(Samples["schedule-settings-saved"]);
        var card = Card("schedule-settings-saved");
        var texts = JsonWalk.OfType(card, "TextBlock").Select(t => (string?)t["text"]).ToList();

        Assert.Equal(ScheduleSettingsCard.SavedTitle, texts[0]);
        Assert.Contains(message.Description, texts);
        Assert.Contains(message.NextSet, texts);
        Assert.Empty(Inputs(card));
        var edit = Assert.Single(JsonWalk.OfType(card, "Action.Execute"));
        Assert.Equal((TeamsVerbs.OpenSettings, message.Reference), ((string?)edit["verb"], (string?)edit["data"]?["reference"]));
    }
}
