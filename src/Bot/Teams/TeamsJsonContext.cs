using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroMove.Bot.Teams;

/// <summary>Source-generated System.Text.Json for the Bot Connector's camelCase JSON.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TeamsActivity))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(OutboundActivity))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
