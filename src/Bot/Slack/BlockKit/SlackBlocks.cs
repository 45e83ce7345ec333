using System.Text.Json.Nodes;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// Builders for the Block Kit blocks and elements MicroMove uses. Each one escapes and shortens its
/// text to Slack's limit, so the message renderers can pass Domain text straight in.
/// </summary>
internal static class SlackBlocks
{
    /// <summary>Slack reads &amp;, &lt; and &gt; as markup in mrkdwn (links, mentions), so Domain text escapes them.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static JsonObject PlainText(string text, int maxLength) => new()
    {
        ["type"] = "plain_text",
        ["text"] = SafeText.Truncate(text, maxLength),
        ["emoji"] = true,
    };

    /// <summary>Already escaped mrkdwn, shortened without leaving half an entity such as "&amp;am".</summary>
    public static JsonObject Mrkdwn(string mrkdwn, int maxLength) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = FitMrkdwn(mrkdwn, maxLength),
    };

    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(text, BlockKitLimits.HeaderText),
    };

    public static JsonObject Section(string mrkdwn, JsonObject? accessory = null, string? blockId = null)
    {
        var section = new JsonObject { ["type"] = "section" };
        if (blockId is not null)
        {
            section["block_id"] = blockId;
        }

        section["text"] = Mrkdwn(mrkdwn, BlockKitLimits.SectionText);
        if (accessory is not null)
        {
            section["accessory"] = accessory;
        }

        return section;
    }

    /// <summary>Two-column fields; call once per ten fields (Slack's cap per section).</summary>
    public static JsonObject Fields(IEnumerable<string> mrkdwnFields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. mrkdwnFields.Take(BlockKitLimits.FieldsPerSection).Select(f => (JsonNode)Mrkdwn(f, BlockKitLimits.FieldText))]),
    };

    public static JsonObject Context(params IEnumerable<string> mrkdwnLines) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray([.. mrkdwnLines.Take(BlockKitLimits.ContextElements).Select(line => (JsonNode)Mrkdwn(line, BlockKitLimits.SectionText))]),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    /// <summary>An actions block; repeated action ids get a ":n" suffix because Slack wants them unique per block.</summary>
    public static JsonObject Actions(string blockId, IEnumerable<JsonObject> elements)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var element in elements.Take(BlockKitLimits.ActionsElements))
        {
            var id = (string?)element["action_id"] ?? string.Empty;
            var count = seen[id] = seen.GetValueOrDefault(id) + 1;
            if (count > 1)
            {
                element["action_id"] = $"{id}{SlackActionIds.SuffixSeparator}{count}";
            }

            array.Add(element);
        }

        return new JsonObject { ["type"] = "actions", ["block_id"] = blockId, ["elements"] = array };
    }

    public static JsonObject Button(MessageAction action)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = SlackActionIds.For(action.Kind),
            ["text"] = PlainText(action.Label, BlockKitLimits.ButtonText),
            ["value"] = SlackActionValue.Format(action.Reference, action.Value),
        };
        if (action.IsPrimary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    /// <summary>A 1–5 select that reports the choice at once; shows the current rating when there is one.</summary>
    public static JsonObject RatingSelect(RatingChoice choice)
    {
        var options = RatingChoice.Scale.ToDictionary(
            option => option.Value,
            option => new JsonObject
            {
                ["text"] = PlainText(option.Label, BlockKitLimits.OptionText),
                ["value"] = SlackActionValue.Format(choice.Reference, option.Value),
            });
        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = SlackActionIds.For(choice.Kind),
            ["placeholder"] = PlainText("Fatigue 1–5", BlockKitLimits.PlaceholderText),
            ["options"] = new JsonArray([.. options.Values]),
        };
        if (choice.Selected is { } selected)
        {
            select["initial_option"] = options[selected.Value].DeepClone();
        }

        return select;
    }

    public static JsonObject Image(Uri url, string altText, string title) => new()
    {
        ["type"] = "image",
        ["image_url"] = url.AbsoluteUri,
        ["alt_text"] = SafeText.Truncate(altText, BlockKitLimits.ImageAltText),
        ["title"] = PlainText(title, BlockKitLimits.HeaderText),
    };

    public static string FitMrkdwn(string mrkdwn, int maxLength)
    {
        var text = SafeText.Truncate(mrkdwn, maxLength);
        if (text.Length == mrkdwn.Length)
        {
            return text;
        }

        // A cut inside "&amp;" would show a stray "&am"; drop the partial entity.
        var body = text[..^SafeText.Ellipsis.Length];
        var ampersand = body.LastIndexOf('&');
        return ampersand >= 0 && body.IndexOf(';', ampersand) < 0
            ? string.Concat(body.AsSpan(0, ampersand), SafeText.Ellipsis)
            : text;
    }
}
