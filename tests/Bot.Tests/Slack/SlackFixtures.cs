using System.Text.Json;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The real Slack payloads under Slack/Fixtures (copied to the test output).</summary>
internal static class SlackFixtures
{
    /// <summary>The signing secret of Slack's documented worked example (also used for the derived signed fixtures).</summary>
    public const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Slack", "Fixtures", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Text(name)).RootElement.Clone();

    /// <summary>A JSON payload as Slack's interactivity form body: payload=&lt;url-encoded JSON&gt;.</summary>
    public static string AsInteractionForm(string json) => "payload=" + Uri.EscapeDataString(json);
}
