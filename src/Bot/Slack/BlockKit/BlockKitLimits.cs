using System.Text.Json.Nodes;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// Slack's Block Kit limits for messages (slack-protocol.md §10) and a checker that lists every
/// breach in a rendered payload. Slack rejects the whole message (invalid_blocks) on any breach,
/// so the tests run every sample through <see cref="Check"/>.
/// </summary>
internal static class BlockKitLimits
{
    public const int BlocksPerMessage = 50;
    public const int BlockId = 255;
    public const int ActionId = 255;
    public const int SectionText = 3000;
    public const int FieldsPerSection = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;

    /// <summary>The docs say 75 (Slack truncates visually near 30); the brief's 150 is the plain_text cap elsewhere.</summary>
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;

    /// <summary>A button's "are you sure?" dialog: title, text, and its two button labels.</summary>
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int SelectOptions = 100;
    public const int PlaceholderText = 150;
    public const int OptionText = 75;

    /// <summary>Current docs allow 150, older clients 75: stay at 75.</summary>
    public const int OptionValue = 75;
    public const int ImageAltText = 2000;
    public const int ImageUrl = 3000;

    /// <summary>Slack truncates the top-level text above 40,000; it is a notification line, so keep it short.</summary>
    public const int MessageText = 4000;

    public static IReadOnlyList<string> Check(JsonObject payload)
    {
        var problems = new List<string>();
        var text = (string?)payload["text"];
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("text: missing (notifications and screen readers need it)");
        }
        else
        {
            Max(problems, "text", text, MessageText);
        }

        var blocks = payload["blocks"]?.AsArray() ?? [];
        if (blocks.Count > BlocksPerMessage)
        {
            problems.Add($"blocks: {blocks.Count} > {BlocksPerMessage}");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index]?.AsObject() ?? [];
            var where = $"blocks[{index}] ({(string?)block["type"]})";
            if ((string?)block["block_id"] is { } blockId)
            {
                Max(problems, $"{where}.block_id", blockId, BlockId);
                if (!blockIds.Add(blockId))
                {
                    problems.Add($"{where}.block_id: '{blockId}' is used twice");
                }
            }

            CheckBlock(problems, where, block);
        }

        return problems;
    }

    private static void CheckBlock(List<string> problems, string where, JsonObject block)
    {
        switch ((string?)block["type"])
        {
            case "header":
                CheckText(problems, $"{where}.text", block["text"], HeaderText);
                break;
            case "section":
                CheckSection(problems, where, block);
                break;
            case "context":
                Count(problems, $"{where}.elements", block["elements"], ContextElements);
                foreach (var (element, i) in Items(block["elements"]))
                {
                    CheckText(problems, $"{where}.elements[{i}]", element, SectionText);
                }

                break;
            case "actions":
                CheckActions(problems, where, block);
                break;
            case "image":
                Max(problems, $"{where}.alt_text", (string?)block["alt_text"] ?? string.Empty, ImageAltText, required: true);
                Max(problems, $"{where}.image_url", (string?)block["image_url"] ?? string.Empty, ImageUrl, required: true);
                break;
            case "divider":
                break;
            default:
                problems.Add($"{where}: unexpected block type");
                break;
        }
    }

    private static void CheckSection(List<string> problems, string where, JsonObject block)
    {
        if (block["text"] is null && block["fields"] is null)
        {
            problems.Add($"{where}: needs text or fields");
        }

        if (block["text"] is { } text)
        {
            CheckText(problems, $"{where}.text", text, SectionText);
        }

        Count(problems, $"{where}.fields", block["fields"], FieldsPerSection);
        foreach (var (field, i) in Items(block["fields"]))
        {
            CheckText(problems, $"{where}.fields[{i}]", field, FieldText);
        }

        if (block["accessory"] is JsonObject accessory)
        {
            CheckElement(problems, $"{where}.accessory", accessory);
        }
    }

    private static void CheckActions(List<string> problems, string where, JsonObject block)
    {
        Count(problems, $"{where}.elements", block["elements"], ActionsElements);
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, i) in Items(block["elements"]))
        {
            var id = (string?)element?["action_id"] ?? string.Empty;
            if (!actionIds.Add(id))
            {
                problems.Add($"{where}.elements[{i}].action_id: '{id}' is used twice in the block");
            }

            CheckElement(problems, $"{where}.elements[{i}]", element?.AsObject() ?? []);
        }
    }

    private static void CheckElement(List<string> problems, string where, JsonObject element)
    {
        Max(problems, $"{where}.action_id", (string?)element["action_id"] ?? string.Empty, ActionId, required: true);
        switch ((string?)element["type"])
        {
            case "button":
                CheckText(problems, $"{where}.text", element["text"], ButtonText);
                Max(problems, $"{where}.value", (string?)element["value"] ?? string.Empty, ButtonValue);
                CheckStyle(problems, $"{where}.style", element["style"]);
                if (element["confirm"] is { } confirm)
                {
                    CheckConfirm(problems, $"{where}.confirm", confirm);
                }

                break;
            case "static_select":
                CheckText(problems, $"{where}.placeholder", element["placeholder"], PlaceholderText);
                Count(problems, $"{where}.options", element["options"], SelectOptions);
                foreach (var (option, i) in Items(element["options"]))
                {
                    CheckText(problems, $"{where}.options[{i}].text", option?["text"], OptionText);
                    Max(problems, $"{where}.options[{i}].value", (string?)option?["value"] ?? string.Empty, OptionValue, required: true);
                }

                break;
            default:
                problems.Add($"{where}: unexpected element type");
                break;
        }
    }

    private static void CheckStyle(List<string> problems, string where, JsonNode? style)
    {
        if (style is not null && (string?)style is not ("primary" or "danger"))
        {
            problems.Add($"{where}: '{style}' is neither primary nor danger");
        }
    }

    /// <summary>A confirmation dialog: plain-text title and buttons, a text, and an optional primary/danger style.</summary>
    private static void CheckConfirm(List<string> problems, string where, JsonNode confirm)
    {
        CheckPlainText(problems, $"{where}.title", confirm["title"], ConfirmTitle);
        CheckText(problems, $"{where}.text", confirm["text"], ConfirmText);
        CheckPlainText(problems, $"{where}.confirm", confirm["confirm"], ConfirmButton);
        CheckPlainText(problems, $"{where}.deny", confirm["deny"], ConfirmButton);
        CheckStyle(problems, $"{where}.style", confirm["style"]);
    }

    private static void CheckPlainText(List<string> problems, string where, JsonNode? textObject, int max)
    {
        if ((string?)textObject?["type"] != "plain_text")
        {
            problems.Add($"{where}: must be plain_text");
            return;
        }

        CheckText(problems, where, textObject, max);
    }

    private static void CheckText(List<string> problems, string where, JsonNode? textObject, int max)
    {
        var type = (string?)textObject?["type"];
        if (type is not ("plain_text" or "mrkdwn"))
        {
            problems.Add($"{where}: not a text object");
            return;
        }

        Max(problems, where, (string?)textObject?["text"] ?? string.Empty, max, required: true);
    }

    private static void Max(List<string> problems, string where, string value, int max, bool required = false)
    {
        if (required && value.Length == 0)
        {
            problems.Add($"{where}: empty");
        }

        if (value.Length > max)
        {
            problems.Add($"{where}: {value.Length} chars > {max}");
        }

        if (HasLoneSurrogate(value))
        {
            problems.Add($"{where}: contains a broken surrogate pair");
        }
    }

    private static void Count(List<string> problems, string where, JsonNode? array, int max)
    {
        if (array is JsonArray items && items.Count > max)
        {
            problems.Add($"{where}: {items.Count} > {max}");
        }
    }

    private static IEnumerable<(JsonNode? Item, int Index)> Items(JsonNode? array) =>
        array is JsonArray items ? items.Select((item, index) => (item, index)) : [];

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
