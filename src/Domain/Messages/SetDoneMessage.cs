using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Messages;

/// <summary>
/// The prompt after "Done", updated in place: "Done ✓", the movements, the fatigue
/// before if given, and the "and now?" 1–5 choice until it is answered.
/// </summary>
public sealed record SetDoneMessage(
    string Reference,
    string Title,
    IReadOnlyList<string> MovementNames,
    FatigueRating? Before,
    FatigueRating? After,
    RatingChoice? FatigueAfter) : BotMessage
{
    public override string FallbackText => (Before, After) switch
    {
        ({ } before, { } after) => $"Done ✓ {Title}. Fatigue {before} → {after}.",
        (_, { } after) => $"Done ✓ {Title}. Fatigue now {after}.",
        _ => $"Done ✓ {Title}. How do you feel now? Reply 1–5.",
    };

    public static SetDoneMessage For(string reference, string title, IReadOnlyList<string> movementNames, FatigueRating? before, FatigueRating? after) =>
        new(
            reference,
            title,
            movementNames,
            before,
            after,
            after is null ? new RatingChoice(ActionKind.RateAfter, reference, "And now? How do you feel?", null) : null);
}
