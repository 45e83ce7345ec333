using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Scheduling;

/// <summary>Scheduling facts about each <see cref="RoutineKind"/>.</summary>
internal static class RoutineKinds
{
    /// <summary>Kebab-case name used in <see cref="SlotOccurrence.Key"/>; never change a value once stored.</summary>
    public static string Slug(RoutineKind routine) => routine switch
    {
        RoutineKind.StartOfDay => "start-of-day",
        RoutineKind.Every30Minutes => "every-30-minutes",
        RoutineKind.PreMeeting => "pre-meeting",
        RoutineKind.AfterLunch => "after-lunch",
        RoutineKind.EndOfDay => "end-of-day",
        _ => throw new ArgumentOutOfRangeException(nameof(routine), routine, "Unknown routine."),
    };

    /// <summary>When two slots would coincide the more specific one is kept: higher wins.</summary>
    public static int Specificity(RoutineKind routine) => routine switch
    {
        RoutineKind.PreMeeting => 3,
        RoutineKind.AfterLunch => 2,
        RoutineKind.StartOfDay or RoutineKind.EndOfDay => 1,
        RoutineKind.Every30Minutes => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(routine), routine, "Unknown routine."),
    };
}
