using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Messages;

/// <summary>A 1–5 fatigue choice ("How do you feel now?"), with the value already chosen, if any.</summary>
public sealed record RatingChoice(ActionKind Kind, string Reference, string Question, FatigueRating? Selected)
{
    public static IReadOnlyList<(int Value, string Label)> Scale { get; } =
    [
        (1, "1 · fresh"),
        (2, "2 · fine"),
        (3, "3 · a bit stiff"),
        (4, "4 · tired"),
        (5, "5 · very tired"),
    ];

    public static string LabelOf(int value) => Scale.First(option => option.Value == value).Label;
}
