using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// The <c>data</c> of a MicroMove card action, and its parser. An <c>Action.Execute</c> carries
/// <c>{ "reference": "d-42", "value": 10 }</c> next to its verb; the <c>Action.Submit</c> fallback
/// carries the same with the verb inside: <c>{ "verb": "snooze", "reference": "d-42", "value": 10 }</c>.
/// Both paths end in <see cref="Parse"/>, so one handler serves old and new Teams clients.
/// </summary>
internal static class TeamsActionValue
{
    public const string VerbKey = "verb";
    public const string ReferenceKey = "reference";
    public const string ValueKey = "value";

    /// <summary>The Action.Execute data; the value is left out when the action carries none.</summary>
    public static JsonObject Data(string reference, int? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var data = new JsonObject { [ReferenceKey] = reference };
        if (value is { } number)
        {
            data[ValueKey] = number;
        }

        return data;
    }

    /// <summary>The Action.Submit fallback data: the Execute data with the verb inside.</summary>
    public static JsonObject SubmitData(string verb, string reference, int? value)
    {
        var data = new JsonObject { [VerbKey] = verb };
        foreach (var (key, node) in Data(reference, value))
        {
            data[key] = node?.DeepClone();
        }

        return data;
    }

    /// <summary>Reads an Action.Execute back: <c>value.action.verb</c> and <c>value.action.data</c> of the invoke.</summary>
    public static ActionParseResult Parse(string? verb, JsonElement data)
    {
        if (!TeamsVerbs.TryGetKind(verb, out var kind))
        {
            return ActionParseResult.NotOurs($"'{verb}' is not a MicroMove verb.");
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            return ActionParseResult.NotOurs($"The '{verb}' action has no data object.");
        }

        var reference = data.TryGetProperty(ReferenceKey, out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (kind == ActionKind.SaveSchedule)
        {
            return ActionParseResult.Ours(kind.Value, reference, null, Inputs(data));
        }

        if (!data.TryGetProperty(ValueKey, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return ActionParseResult.Ours(kind.Value, reference, null);
        }

        // Input values arrive as strings (choice sets), our own data as numbers: accept both.
        int? number = v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        return number is null
            ? ActionParseResult.NotOurs($"'{v.GetRawText()}' in the '{verb}' action is not a whole number.")
            : ActionParseResult.Ours(kind.Value, reference, number);
    }

    /// <summary>
    /// The input values Teams merged into the data (input id → text; choice sets, times and toggles all
    /// arrive as strings). Our own keys are left out; numbers and booleans from hand-made payloads are
    /// kept as their JSON text; objects and arrays are nobody's input. Null when there is none.
    /// </summary>
    private static Dictionary<string, string>? Inputs(JsonElement data)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name is VerbKey or ReferenceKey or ValueKey)
            {
                continue;
            }

            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                inputs[property.Name] = text;
            }
        }

        return inputs.Count > 0 ? inputs : null;
    }

    /// <summary>Reads the Action.Submit fallback: the <c>value</c> of the message activity, verb inside.</summary>
    public static ActionParseResult ParseSubmit(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(VerbKey, out var verb) && verb.ValueKind == JsonValueKind.String
            ? Parse(verb.GetString(), value)
            : ActionParseResult.NotOurs("The submitted value has no verb.");

    /// <summary>Reads the whole <c>value</c> of an <c>adaptiveCard/action</c> invoke: <c>{ action: { type, verb, data } }</c>.</summary>
    public static ActionParseResult ParseInvoke(JsonElement invokeValue)
    {
        if (invokeValue.ValueKind != JsonValueKind.Object
            || !invokeValue.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return ActionParseResult.NotOurs("The invoke has no action.");
        }

        var verb = action.TryGetProperty(VerbKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return action.TryGetProperty("data", out var data)
            ? Parse(verb, data)
            : ActionParseResult.NotOurs($"The '{verb}' action has no data object.");
    }
}
