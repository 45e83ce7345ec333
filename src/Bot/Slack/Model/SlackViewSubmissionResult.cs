using System.Text.Json.Nodes;

namespace MicroMove.Bot.Slack;

/// <summary>
/// What the modal does after a view_submission: close (empty 200), show inline field errors
/// (keys are block ids of input blocks), update or push a view, or clear the stack.
/// </summary>
internal sealed class SlackViewSubmissionResult
{
    private SlackViewSubmissionResult(string? responseAction, IReadOnlyDictionary<string, string>? errors, JsonObject? view)
    {
        ResponseAction = responseAction;
        Errors = errors;
        View = view;
    }

    public static SlackViewSubmissionResult Close { get; } = new(null, null, null);

    public static SlackViewSubmissionResult ClearAll { get; } = new("clear", null, null);

    /// <summary>Null for <see cref="Close"/>; otherwise errors, update, push or clear.</summary>
    public string? ResponseAction { get; }

    public IReadOnlyDictionary<string, string>? Errors { get; }

    public JsonObject? View { get; }

    public static SlackViewSubmissionResult WithErrors(IReadOnlyDictionary<string, string> errorsByBlockId)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errorsByBlockId.Count);
        return new("errors", errorsByBlockId, null);
    }

    public static SlackViewSubmissionResult Update(JsonObject view) => new("update", null, view);

    public static SlackViewSubmissionResult Push(JsonObject view) => new("push", null, view);
}
