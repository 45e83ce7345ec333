using System.Diagnostics.CodeAnalysis;
using MicroMove.Domain.Messages;

namespace MicroMove.Bot.Slack.BlockKit;

/// <summary>
/// The <c>action_id</c> of every MicroMove button and select. The "mm_" prefix tells our actions
/// apart from any other app's in a shared workspace; an id may end in ":n" when the same kind
/// appears twice in one block (Slack wants action ids unique per block).
/// </summary>
internal static class SlackActionIds
{
    public const string Done = "mm_done";
    public const string Snooze = "mm_snooze";
    public const string Skip = "mm_skip";
    public const string RateBefore = "mm_rate_before";
    public const string RateAfter = "mm_rate_after";
    public const string InstantSet = "mm_instant_set";
    public const string Pause = "mm_pause";
    public const string Resume = "mm_resume";
    public const string OpenSettings = "mm_open_settings";
    public const string JoinChallenge = "mm_join_challenge";
    public const string DeleteMyData = "mm_delete_my_data";
    public const string KeepMyData = "mm_keep_my_data";
    public const string SaveSchedule = "mm_save_schedule";

    /// <summary>Separates a kind's id from the suffix that keeps repeated ids unique.</summary>
    public const char SuffixSeparator = ':';

    private static readonly Dictionary<ActionKind, string> IdsByKind = new()
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

    private static readonly Dictionary<string, ActionKind> KindsById =
        IdsByKind.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string For(ActionKind kind) =>
        IdsByKind.TryGetValue(kind, out var id) ? id : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Slack action id.");

    /// <summary>Reads an action id, with or without its ":n" suffix, back into its kind.</summary>
    public static bool TryGetKind(string? actionId, [NotNullWhen(true)] out ActionKind? kind)
    {
        kind = null;
        if (string.IsNullOrEmpty(actionId))
        {
            return false;
        }

        var separator = actionId.IndexOf(SuffixSeparator, StringComparison.Ordinal);
        var bare = separator < 0 ? actionId : actionId[..separator];
        if (!KindsById.TryGetValue(bare, out var found))
        {
            return false;
        }

        kind = found;
        return true;
    }
}
