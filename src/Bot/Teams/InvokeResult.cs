using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroMove.Bot.Teams;

/// <summary>
/// The HTTP answer to an invoke: a status and an optional JSON body in the
/// <c>{statusCode, type, value}</c> envelope Teams expects, already as the UTF-8 bytes to send
/// (written once, straight from the card, with no intermediate string or document).
/// </summary>
internal sealed record InvokeResult(int HttpStatusCode, byte[]? Body)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Unhandled invoke name: 501 with no body (the SDKs' default).</summary>
    public static InvokeResult NotImplemented { get; } = new(StatusCodes.Status501NotImplemented, null);

    /// <summary>An invoke consciously ignored: 200 <c>{}</c>.</summary>
    public static InvokeResult Ignored { get; } = new(StatusCodes.Status200OK, "{}"u8.ToArray());

    /// <summary>Replace the card for the user who pressed the button (or whose client refreshed it).</summary>
    public static InvokeResult Card(JsonObject card) => Envelope(StatusCodes.Status200OK, AdaptiveCardType, writer => card.WriteTo(writer));

    /// <summary>Replace the card with one given as JSON.</summary>
    public static InvokeResult Card(JsonElement card) => Envelope(StatusCodes.Status200OK, AdaptiveCardType, writer => card.WriteTo(writer));

    /// <summary>Show a transient message instead of changing the card.</summary>
    public static InvokeResult Message(string text) => Envelope(StatusCodes.Status200OK, MessageType, writer => writer.WriteStringValue(text));

    /// <summary>An error banner: <paramref name="statusCode"/> 400 (bad input) or 500 (our fault).</summary>
    public static InvokeResult Error(int statusCode, string code, string message) =>
        Envelope(statusCode, ErrorType, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    /// <summary>The body parsed, for tests and logs.</summary>
    public JsonElement? BodyJson()
    {
        if (Body is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    private static InvokeResult Envelope(int statusCode, string type, Action<Utf8JsonWriter> writeValue)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", statusCode);
            writer.WriteString("type", type);
            writer.WritePropertyName("value");
            writeValue(writer);
            writer.WriteEndObject();
        }

        return new InvokeResult(StatusCodes.Status200OK, buffer.WrittenSpan.ToArray());
    }
}
