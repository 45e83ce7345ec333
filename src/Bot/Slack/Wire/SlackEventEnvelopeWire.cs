using System.Text.Json;

namespace MicroMove.Bot.Slack;

/// <summary>Events API envelope as Slack sends it (unknown fields ignored; the inner event is read tolerantly).</summary>
internal sealed class SlackEventEnvelopeWire
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? EnterpriseId { get; init; }

    public string? ApiAppId { get; init; }

    public JsonElement? Event { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public List<SlackAuthorizationWire>? Authorizations { get; init; }

    public long? MinuteRateLimited { get; init; }
}
