namespace MicroMove.Bot.Slack;

/// <summary>The result of parsing one inbound body: a value, or why there is none.</summary>
internal sealed record SlackParsed<T>(SlackParseOutcome Outcome, T? Value, string? Reason)
    where T : class
{
    public static SlackParsed<T> Accept(T value) => new(SlackParseOutcome.Accepted, value, null);

    public static SlackParsed<T> Ignore(string reason) => new(SlackParseOutcome.Ignored, null, reason);

    public static SlackParsed<T> Invalid(string reason) => new(SlackParseOutcome.Invalid, null, reason);
}
