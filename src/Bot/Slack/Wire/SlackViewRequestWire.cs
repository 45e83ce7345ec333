using System.Text.Json.Nodes;

namespace MicroMove.Bot.Slack;

/// <summary>Body of views.publish (user_id) and views.open (trigger_id).</summary>
internal sealed class SlackViewRequestWire
{
    public string? UserId { get; init; }

    public string? TriggerId { get; init; }

    public required JsonObject View { get; init; }

    public string? Hash { get; init; }
}
