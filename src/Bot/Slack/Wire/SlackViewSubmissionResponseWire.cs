using System.Text.Json.Nodes;

namespace MicroMove.Bot.Slack;

/// <summary>What a view_submission's HTTP 200 body says the modal should do.</summary>
internal sealed class SlackViewSubmissionResponseWire
{
    public required string ResponseAction { get; init; }

    public IReadOnlyDictionary<string, string>? Errors { get; init; }

    public JsonObject? View { get; init; }
}
