using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// Builders for the Adaptive Card 1.5 elements MicroMove uses. Every TextBlock wraps (Teams cuts
/// unwrapped text at one line) and every text is capped so no card nears Teams' ~28 KB limit.
/// </summary>
internal static class CardElements
{
    /// <summary>Far above any Domain text; only there so a runaway string cannot sink a whole card.</summary>
    public const int MaxTextLength = 2000;

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = SafeText.Truncate(text, MaxTextLength),
        ["wrap"] = true,
        ["style"] = "heading",
        ["size"] = "Large",
        ["weight"] = "Bolder",
    };

    public static JsonObject Text(string text, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = SafeText.Truncate(text, MaxTextLength),
            ["wrap"] = true,
        };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    /// <summary>A Markdown list; Adaptive Cards Markdown separates list items with \r (Teams text-formatting docs).</summary>
    public static JsonObject BulletList(IEnumerable<string> items) => Text(string.Join('\r', items.Select(item => $"- {item}")));

    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(fact => (JsonNode)new JsonObject
        {
            ["title"] = SafeText.Truncate(fact.Title, MaxTextLength),
            ["value"] = SafeText.Truncate(fact.Value, MaxTextLength),
        })]),
    };

    public static JsonObject Container(IEnumerable<JsonObject> items, bool separator = true) => new()
    {
        ["type"] = "Container",
        ["separator"] = separator,
        ["items"] = new JsonArray([.. items]),
    };

    public static JsonObject Image(Uri url, string altText) => new()
    {
        ["type"] = "Image",
        ["url"] = url.AbsoluteUri,
        ["altText"] = SafeText.Truncate(altText, MaxTextLength),
        ["size"] = "Stretch",
    };

    public static JsonObject ActionSet(IEnumerable<JsonObject> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray([.. actions]),
    };

    public static JsonObject Execute(MessageAction action) => Execute(action.Kind, action.Label, action.Reference, action.Value);

    /// <summary>
    /// An Action.Execute whose fallback is the same action as Action.Submit (verb inside the data),
    /// for Teams clients older than card version 1.4; both parse with <see cref="TeamsActionValue"/>.
    /// No inputs are sent along: every action carries what it needs in its own data.
    /// </summary>
    public static JsonObject Execute(ActionKind kind, string title, string reference, int? value)
    {
        var verb = TeamsVerbs.For(kind);
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = SafeText.Truncate(title, MaxTextLength),
            ["verb"] = verb,
            ["data"] = TeamsActionValue.Data(reference, value),
            ["associatedInputs"] = "none",
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = SafeText.Truncate(title, MaxTextLength),
                ["data"] = TeamsActionValue.SubmitData(verb, reference, value),
            },
        };
    }

    /// <summary>
    /// The 1–5 question as one-click buttons (like Slack's select, a click answers at once), with the
    /// scale's ends spelled out and the current answer, if any.
    /// </summary>
    public static IEnumerable<JsonObject> Rating(RatingChoice choice)
    {
        var low = RatingChoice.Scale[0];
        var high = RatingChoice.Scale[^1];
        var legend = $"{low.Label} … {high.Label}";
        var chosen = choice.Selected is { } selected ? $" · you said **{RatingChoice.LabelOf(selected.Value)}**" : string.Empty;
        yield return Text($"**{choice.Question}**", separator: true);
        yield return Text($"{legend}{chosen}", subtle: true);
        yield return ActionSet(RatingChoice.Scale.Select(option =>
            Execute(choice.Kind, option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), choice.Reference, option.Value)));
    }
}
