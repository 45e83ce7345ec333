using System.Globalization;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Messages;

/// <summary>
/// A set to do now: a routine prompt at a slot of the workday, or an instant set asked
/// for on demand. Shows why it helps, the steps, reps, tempo and breath of each movement
/// and one tip; offers Done, Snooze and Skip and an optional "how do you feel?" 1–5.
/// </summary>
public sealed record MovementPromptMessage(
    string Reference,
    string Title,
    string WhyItHelps,
    IReadOnlyList<MovementInstruction> Movements,
    string Tip,
    IReadOnlyList<string> Notes,
    TimeSpan EstimatedDuration,
    bool IsInstant,
    RatingChoice FatigueBefore,
    IReadOnlyList<MessageAction> Actions) : BotMessage
{
    public const int DefaultSnoozeMinutes = 10;

    public override string FallbackText =>
        $"{Title}: {string.Join(", ", Movements.Select(m => $"{m.Name} ({m.Reps})"))}. Reply \"done\" when you have moved.";

    /// <summary>Builds the message for a planned set; <paramref name="reference"/> is what the actions carry back.</summary>
    public static MovementPromptMessage For(PlannedSet set, string reference, FatigueRating? before = null) =>
        For(set.Routine, set.Focus?.Name, set.Movements, set.Tip, [.. set.Reasons.Select(r => r.Text)], reference, before);

    /// <summary>Builds the message from a set's parts, e.g. as stored with a delivery.</summary>
    public static MovementPromptMessage For(
        RoutineKind? routine,
        string? focusName,
        IReadOnlyList<PlannedMovement> movements,
        Mistake tip,
        IReadOnlyList<string> notes,
        string reference,
        FatigueRating? before = null)
    {
        var isInstant = routine is null;
        var title = routine is { } kind
            ? MovementCatalogue.Get(kind).Name
            : focusName is { } focus ? $"Instant set · {focus}" : "Instant set";
        var actions = new List<MessageAction> { new(ActionKind.Done, "Done", reference, IsPrimary: true) };
        if (!isInstant)
        {
            actions.Add(new(ActionKind.Snooze, $"Snooze {DefaultSnoozeMinutes} min", reference, DefaultSnoozeMinutes));
            actions.Add(new(ActionKind.Skip, "Skip", reference));
        }

        var duration = movements.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.EstimatedDuration);
        return new MovementPromptMessage(
            reference,
            $"{title} · about {Minutes(duration)}",
            WhyItHelpsText(movements),
            [.. movements.Select(MovementInstruction.From)],
            tip.Tip,
            notes,
            duration,
            isInstant,
            new RatingChoice(ActionKind.RateBefore, reference, "How do you feel before? (optional)", before),
            actions);
    }

    /// <summary>"Eases reduced circulation and hip flexor shortening." — the fatigue sources the set works on.</summary>
    private static string WhyItHelpsText(IReadOnlyList<PlannedMovement> movements)
    {
        var sources = MovementCatalogue.FatigueSources
            .Where(source => movements.Any(m => m.Movement.Addresses.Contains(source.Id)))
            .Select(source => source.Name.ToLowerInvariant())
            .ToList();
        return sources.Count switch
        {
            0 => "Keeps you moving while you sit.",
            1 => $"Eases {sources[0]}.",
            _ => $"Eases {string.Join(", ", sources[..^1])} and {sources[^1]}.",
        };
    }

    internal static string Minutes(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(90))
        {
            var seconds = (int)(Math.Ceiling(duration.TotalSeconds / 15) * 15);
            return seconds >= 60 ? "1 min" : $"{seconds.ToString(CultureInfo.InvariantCulture)} s";
        }

        return $"{Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} min";
    }
}
