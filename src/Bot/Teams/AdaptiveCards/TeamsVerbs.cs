using System.Diagnostics.CodeAnalysis;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Teams.AdaptiveCards;

/// <summary>
/// The <c>verb</c> of every MicroMove <c>Action.Execute</c>. Teams sends no invoke for an
/// Action.Execute without a verb (teams-protocol.md §14.8), so every action has one.
/// Verbs are compared exactly: they are ours, written by <see cref="AdaptiveCardRenderer"/>.
/// </summary>
internal static class TeamsVerbs
{
    public const string Done = "done";
    public const string Snooze = "snooze";
    public const string Skip = "skip";
    public const string RateBefore = "rateBefore";
    public const string RateAfter = "rateAfter";
    public const string InstantSet = "instantSet";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string OpenSettings = "openSettings";
    public const string JoinChallenge = "joinChallenge";
    public const string DeleteMyData = "deleteMyData";
    public const string KeepMyData = "keepMyData";
    public const string SaveSchedule = "saveSchedule";

    private static readonly Dictionary<ActionKind, string> VerbsByKind = new()
    {
        [ActionKind.Done] = Done,
        [ActionKind.Snooze] = Snooze,
        [ActionKind.Skip] = Skip,
        [ActionKind.RateBefore] = RateBefore,
        [ActionKind.RateAfter] = RateAfter,
        [ActionKind.InstantSet] = InstantSet,
        [ActionKind.Pause] = Pause,
        [ActionKind.Resume] = Resume,
        [ActionKind.OpenSettings] = OpenSettings,
        [ActionKind.JoinChallenge] = JoinChallenge,
        [ActionKind.DeleteMyData] = DeleteMyData,
        [ActionKind.KeepMyData] = KeepMyData,
        [ActionKind.SaveSchedule] = SaveSchedule,
    };

    private static readonly Dictionary<string, ActionKind> KindsByVerb =
        VerbsByKind.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string For(ActionKind kind) =>
        VerbsByKind.TryGetValue(kind, out var verb) ? verb : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Teams verb.");

    public static bool TryGetKind(string? verb, [NotNullWhen(true)] out ActionKind? kind)
    {
        kind = null;
        if (verb is null || !KindsByVerb.TryGetValue(verb, out var found))
        {
            return false;
        }

        kind = found;
        return true;
    }
}
