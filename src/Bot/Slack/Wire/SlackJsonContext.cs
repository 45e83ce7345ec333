using System.Text.Json.Serialization;

namespace MicroMove.Bot.Slack;

/// <summary>Source-generated (de)serialisers for the Slack payloads: snake_case names, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SlackEventEnvelopeWire))]
[JsonSerializable(typeof(SlackInteractionWire))]
[JsonSerializable(typeof(SlackViewSubmissionResponseWire))]
[JsonSerializable(typeof(SlackApiResponseWire))]
[JsonSerializable(typeof(SlackPostMessageResponseWire))]
[JsonSerializable(typeof(SlackPostEphemeralResponseWire))]
[JsonSerializable(typeof(SlackConversationsOpenResponseWire))]
[JsonSerializable(typeof(SlackUsersInfoResponseWire))]
[JsonSerializable(typeof(SlackViewResponseWire))]
[JsonSerializable(typeof(SlackAuthTestResponseWire))]
[JsonSerializable(typeof(SlackOAuthAccessResponseWire))]
[JsonSerializable(typeof(SlackMessageRequestWire))]
[JsonSerializable(typeof(SlackConversationsOpenRequestWire))]
[JsonSerializable(typeof(SlackViewRequestWire))]
[JsonSerializable(typeof(SlackResponseUrlMessage))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
