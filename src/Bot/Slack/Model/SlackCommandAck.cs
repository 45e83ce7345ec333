namespace MicroMove.Bot.Slack;

/// <summary>
/// What the HTTP 200 of a slash command carries. Slack shows <see cref="Text"/> at once as an
/// ephemeral message where the command was typed, so when the answer is known before any work
/// (e.g. "on its way to your DM") no response_url call is needed. <see cref="Answered"/> tells the
/// handler after the ack that the person has their answer already (with or without a note).
/// </summary>
internal sealed record SlackCommandAck(string? Text, bool Answered)
{
    /// <summary>An empty 200: the answer follows through the response_url.</summary>
    public static readonly SlackCommandAck Silent = new(null, false);
}
