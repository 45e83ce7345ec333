using System.Diagnostics.CodeAnalysis;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Rendering;

/// <summary>
/// Either one of MicroMove's own actions, or "not ours" with the reason: another app's
/// button, a stale or hand-made payload. Callers ignore "not ours" instead of failing the request.
/// </summary>
internal sealed record ActionParseResult
{
    private ActionParseResult(ParsedAction? action, string? notOursReason)
    {
        Action = action;
        NotOursReason = notOursReason;
    }

    public ParsedAction? Action { get; }

    public string? NotOursReason { get; }

    [MemberNotNullWhen(true, nameof(Action))]
    [MemberNotNullWhen(false, nameof(NotOursReason))]
    public bool IsOurs => Action is not null;

    public static ActionParseResult NotOurs(string reason) => new(null, reason);

    /// <summary>
    /// Accepts the action only when its number fits its kind, so a tampered or outdated payload
    /// never reaches the Domain as, say, a rating of 9 or a snooze of no minutes.
    /// </summary>
    public static ActionParseResult Ours(ActionKind kind, string? reference, int? value, IReadOnlyDictionary<string, string>? inputs = null)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return NotOurs($"The {kind} action carries no reference.");
        }

        var problem = ProblemWithValue(kind, value);
        return problem is null ? new(new ParsedAction(kind, reference, value, inputs), null) : NotOurs(problem);
    }

    private static string? ProblemWithValue(ActionKind kind, int? value) => kind switch
    {
        ActionKind.RateBefore or ActionKind.RateAfter => value is >= 1 and <= 5 ? null : $"A rating must be 1–5, not '{value}'.",
        ActionKind.Snooze => value is > 0 ? null : "Snooze needs a positive number of minutes.",
        ActionKind.Pause => value is null or > 0 ? null : "A pause length must be positive.",
        _ => value is null ? null : $"The {kind} action carries no number, but got {value}.",
    };
}
