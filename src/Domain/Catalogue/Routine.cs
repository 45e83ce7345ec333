namespace MicroMove.Domain.Catalogue;

/// <summary>A row of the article's workday table: when, what and about how long.</summary>
public sealed record Routine(
    RoutineKind Kind,
    string Name,
    string Suggestion,
    TimeSpan ApproximateDuration,
    IReadOnlyList<RoutinePart> Parts)
{
    public string Slug => Kind switch
    {
        RoutineKind.StartOfDay => "start-of-day",
        RoutineKind.Every30Minutes => "every-30-minutes",
        RoutineKind.PreMeeting => "pre-meeting",
        RoutineKind.AfterLunch => "after-lunch",
        RoutineKind.EndOfDay => "end-of-day",
        _ => throw new DomainException($"Unknown routine {Kind}."),
    };

    /// <summary>
    /// The end-of-day circuit covers all categories; it also takes in every movement
    /// not yet done that day, so the full menu is covered daily.
    /// </summary>
    public bool IsFullCircuit => Kind == RoutineKind.EndOfDay;
}
