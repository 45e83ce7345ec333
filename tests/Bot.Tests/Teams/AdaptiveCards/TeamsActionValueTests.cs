using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Bot.Tests.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Tests.Teams.AdaptiveCards;

public sealed class TeamsActionValueTests
{
    public static TheoryData<ActionKind, int?> EveryKind() => new()
    {
        { ActionKind.Done, null },
        { ActionKind.Snooze, 10 },
        { ActionKind.Skip, null },
        { ActionKind.RateBefore, 1 },
        { ActionKind.RateAfter, 5 },
        { ActionKind.InstantSet, null },
        { ActionKind.Pause, 120 },
        { ActionKind.Pause, null },
        { ActionKind.Resume, null },
        { ActionKind.OpenSettings, null },
        { ActionKind.JoinChallenge, null },
        { ActionKind.DeleteMyData, null },
        { ActionKind.KeepMyData, null },
        { ActionKind.SaveSchedule, null },
    };

    private static JsonElement Element(JsonNode? node) => JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement;

    [Fact]
    public void EveryKind_IsCovered()
    {
        Assert.Equal(Enum.GetValues<ActionKind>(), EveryKind().Select(row => (ActionKind)row.Data.Item1).Distinct());
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Execute_RoundTrips_ThroughTheInvokeValue(ActionKind kind, int? value)
    {
        var action = CardElements.Execute(new MessageAction(kind, "Label", "d-42", value));
        var invokeValue = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]?.DeepClone(), ["data"] = action["data"]?.DeepClone() },
            ["trigger"] = "manual",
        };

        var parsed = TeamsActionValue.ParseInvoke(Element(invokeValue));

        Assert.True(parsed.IsOurs, parsed.NotOursReason);
        Assert.Equal(new ParsedAction(kind, "d-42", value), parsed.Action);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void SubmitFallback_RoundTrips_ThroughTheSameParser(ActionKind kind, int? value)
    {
        var action = CardElements.Execute(new MessageAction(kind, "Label", "d-42", value));

        var parsed = TeamsActionValue.ParseSubmit(Element(action["fallback"]?["data"]));

        Assert.True(parsed.IsOurs, parsed.NotOursReason);
        Assert.Equal(new ParsedAction(kind, "d-42", value), parsed.Action);
    }

    [Fact]
    public void EveryActionInEverySample_ParsesBothWays()
    {
        foreach (var message in MessageSamples.All(string.Empty).Values)
        {
            foreach (var action in JsonWalk.OfType(AdaptiveCardRenderer.Render(message), "Action.Execute"))
            {
                var execute = TeamsActionValue.Parse((string?)action["verb"], Element(action["data"]));
                var submit = TeamsActionValue.ParseSubmit(Element(action["fallback"]?["data"]));
                Assert.True(execute.IsOurs, execute.NotOursReason);
                Assert.Equal(execute.Action, submit.Action);
            }
        }
    }

    [Fact]
    public void TheInvokeFixture_IsNotOurs()
    {
        var fixture = JsonDocument.Parse("""{"action": {"type": "Action.Execute", "verb": "doStuff", "data": {"a": "ddd"}}, "trigger": "manual"}""");

        var parsed = TeamsActionValue.ParseInvoke(fixture.RootElement);

        Assert.False(parsed.IsOurs);
        Assert.Contains("not a MicroMove verb", parsed.NotOursReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoiceSetStyleStringValues_AreAccepted()
    {
        var parsed = TeamsActionValue.Parse("rateAfter", JsonDocument.Parse("""{"reference": "d-1", "value": "4"}""").RootElement);

        Assert.Equal(new ParsedAction(ActionKind.RateAfter, "d-1", 4), parsed.Action);
    }

    [Theory]
    [InlineData(null, """{"reference": "d-1"}""")]
    [InlineData("Done", """{"reference": "d-1"}""")]
    [InlineData("prompt.done", """{"reference": "d-1"}""")]
    [InlineData("done", "[]")]
    [InlineData("done", """{}""")]
    [InlineData("done", """{"reference": 42}""")]
    [InlineData("done", """{"reference": "d-1", "value": 3}""")]
    [InlineData("snooze", """{"reference": "d-1"}""")]
    [InlineData("snooze", """{"reference": "d-1", "value": "soon"}""")]
    [InlineData("rateBefore", """{"reference": "d-1", "value": 2.5}""")]
    [InlineData("rateBefore", """{"reference": "d-1", "value": 6}""")]
    [InlineData("rateAfter", """{"reference": "d-1", "value": true}""")]
    public void ForeignOrMalformedActions_AreNotOurs(string? verb, string data)
    {
        var parsed = TeamsActionValue.Parse(verb, JsonDocument.Parse(data).RootElement);

        Assert.False(parsed.IsOurs);
        Assert.False(string.IsNullOrWhiteSpace(parsed.NotOursReason));
    }

    [Theory]
    [InlineData("""{"firstName": "1", "a": "ddd"}""")]
    [InlineData("""{"verb": 3, "reference": "d-1"}""")]
    [InlineData("\"done\"")]
    public void SubmitsWithoutOurVerb_AreNotOurs(string value)
    {
        Assert.False(TeamsActionValue.ParseSubmit(JsonDocument.Parse(value).RootElement).IsOurs);
    }

    [Fact]
    public void SaveSchedule_CarriesTheFormsInputs_AsText_WithoutOurOwnKeys()
    {
        var data = JsonDocument.Parse("""
            {"reference": "p-1", "start": "08:00", "days": "Monday,Friday", "cadence": 45, "routine-start-of-day": true,
             "msteams": {"feedback": {"hide": true}}, "nothing": null}
            """).RootElement;

        var parsed = TeamsActionValue.Parse(TeamsVerbs.SaveSchedule, data);

        Assert.True(parsed.IsOurs, parsed.NotOursReason);
        Assert.Equal((ActionKind.SaveSchedule, "p-1"), (parsed.Action.Kind, parsed.Action.Reference));
        Assert.Equal(
            new Dictionary<string, string> { ["start"] = "08:00", ["days"] = "Monday,Friday", ["cadence"] = "45", ["routine-start-of-day"] = "true" },
            parsed.Action.Inputs);
    }

    [Fact]
    public void OtherActions_IgnoreInputs()
    {
        var parsed = TeamsActionValue.Parse(TeamsVerbs.Done, JsonDocument.Parse("""{"reference": "d-1", "start": "08:00"}""").RootElement);

        Assert.Equal(new ParsedAction(ActionKind.Done, "d-1", null), parsed.Action);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"action": "done"}""")]
    [InlineData("""{"action": {"verb": "done"}}""")]
    public void InvokesWithoutAnAction_AreNotOurs(string value)
    {
        Assert.False(TeamsActionValue.ParseInvoke(JsonDocument.Parse(value).RootElement).IsOurs);
    }
}
