namespace MicroMove.Domain.Catalogue;

/// <summary>The five time slots of the article's workday table.</summary>
public enum RoutineKind
{
    StartOfDay,
    Every30Minutes,
    PreMeeting,
    AfterLunch,
    EndOfDay,
}
