using System.Text.Json.Nodes;

namespace MicroMove.Bot.Tests.Rendering;

/// <summary>Every JSON object inside a rendered payload, depth first, for structure assertions.</summary>
internal static class JsonWalk
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(pair => Objects(pair.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode? node, string type) =>
        Objects(node).Where(obj => obj["type"] is JsonValue value && value.TryGetValue<string>(out var t) && t == type);
}
