using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Commands;

/// <summary>
/// What a person asked for, by slash command, @mention or a typed reply in the DM.
/// One grammar for every platform: <see cref="CommandParser"/>.
/// </summary>
public abstract record ChatCommand
{
    /// <summary>
    /// <c>now [region]</c>: an instant set, aimed at a region if one is named; <c>now meeting</c>
    /// asks for the pre-meeting routine on demand (<see cref="Routine"/>).
    /// </summary>
    public sealed record Now(SetFocus? Focus, RoutineKind? Routine = null) : ChatCommand;

    /// <summary><c>pause …</c>: no prompts until the pause ends.</summary>
    public sealed record Pause(PauseLength Length) : ChatCommand;

    public sealed record Resume : ChatCommand;

    public sealed record Schedule : ChatCommand;

    public sealed record Stats : ChatCommand;

    public sealed record Log : ChatCommand;

    public sealed record Export : ChatCommand;

    public sealed record DeleteMyData : ChatCommand;

    public sealed record Help : ChatCommand;

    /// <summary><c>challenge …</c>: handled by the challenges feature; the words after it are kept.</summary>
    public sealed record Challenge(string Arguments) : ChatCommand;

    /// <summary><c>done</c>, <c>done 4</c>, <c>2 4</c>, <c>2→4</c>, or a bare <c>4</c> after "and now?".</summary>
    public sealed record Done(FatigueRating? Before, FatigueRating? After) : ChatCommand;

    public sealed record Skip : ChatCommand;

    public sealed record Snooze(int Minutes) : ChatCommand;

    /// <summary>Something that could not be used; <see cref="Correction"/> says, kindly, what would work.</summary>
    public sealed record NotUnderstood(string Correction) : ChatCommand;
}
