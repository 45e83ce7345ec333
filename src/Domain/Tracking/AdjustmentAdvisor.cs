using System.Globalization;
using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// The article's "Progress Tracking and Adjustments", applied to a week: one to three
/// plain-language advices, most important first, the same for the same statistics.
/// </summary>
public static class AdjustmentAdvisor
{
    public const int MaximumAdvices = 3;

    /// <summary>Below this completion rate the prompts don't fit the person's day.</summary>
    public const double LowCompletionRate = 0.5;

    /// <summary>
    /// Average fatigue after sets from which a region counts as tight; the same bar the
    /// rotation uses to work a tight region more often, so the advice matches what it does.
    /// </summary>
    public const double TightFatigue = 3.5;

    /// <summary>A day with at least this many sets should include a leg movement.</summary>
    public const int SetsThatNeedLegWork = 2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<Advice> Advise(WeeklyStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);

        Advice?[] candidates =
        [
            LowCompletion(statistics),
            RegionStaysTight(statistics),
            FatigueNotImproving(statistics),
            NoLowerBodyWork(statistics),
            EffortlessMovement(statistics),
        ];
        var advices = candidates.OfType<Advice>().Take(MaximumAdvices).ToList();
        return advices.Count > 0 ? advices : [Encouragement(statistics)];
    }

    private static Advice? LowCompletion(WeeklyStatistics statistics) =>
        statistics.CompletionRate is { } rate && rate < LowCompletionRate
            ? new Advice(
                AdviceKind.LowCompletion,
                $"You did {statistics.PromptedSetsDone} of {statistics.SetsPrompted} prompted sets ({Percent(rate)}). "
                + "Fewer or different time slots may fit your day better, or pause the prompts while you're in meetings.",
                [])
            : null;

    private static Advice? RegionStaysTight(WeeklyStatistics statistics)
    {
        if (statistics.TightestRegion is not { } tightest
            || tightest.AverageFatigueAfter < TightFatigue
            || tightest.Trend == TightnessTrend.Improving)
        {
            return null;
        }

        var movements = MovementCatalogue.InRegion(tightest.Region);
        var stay = tightest.Region == BodyRegion.Spine ? "stays" : "stay";
        return new Advice(
            AdviceKind.RegionStaysTight,
            $"Your {Label(tightest.Region)} {stay} tight (fatigue {Number(tightest.AverageFatigueAfter)} after sets on average): "
            + $"we'll add {Names(movements)} to more sets.",
            [.. movements.Select(m => m.Id)]);
    }

    private static Advice? FatigueNotImproving(WeeklyStatistics statistics) =>
        statistics.AverageFatigueChange is { } change && change >= 0
            ? new Advice(
                AdviceKind.FatigueNotImproving,
                $"Your fatigue isn't going down after sets (change {SignedNumber(change)} on average). "
                + $"{MovementCatalogue.Get(PrincipleId.NeutralBaseline).Guidance} "
                + $"{MovementCatalogue.Get(PrincipleId.BreathIntegration).Guidance}",
                [])
            : null;

    private static Advice? NoLowerBodyWork(WeeklyStatistics statistics)
    {
        var days = statistics.Days
            .Where(day => day.SetsDone >= SetsThatNeedLegWork && day.SetsPerRegion.GetValueOrDefault(BodyRegion.LowerBody) == 0)
            .Select(day => day.Date.DayOfWeek.ToString())
            .ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var legMovements = MovementCatalogue.InRegion(BodyRegion.LowerBody);
        return new Advice(
            AdviceKind.NoLowerBodyWork,
            $"On {Join(days)} your sets had no leg movement. Include at least one leg-focused micro-movement per hour, "
            + $"such as {Names(legMovements, "or")}.",
            [.. legMovements.Select(m => m.Id)]);
    }

    private static Advice? EffortlessMovement(WeeklyStatistics statistics)
    {
        var effortless = statistics.Movements
            .Where(figures => figures.FeelsEffortless)
            .Select(figures => MovementCatalogue.Get(figures.Movement))
            .ToList();
        if (effortless.Count == 0)
        {
            return null;
        }

        // The time goes to the tightest region, else the least worked one, among the regions with no effortless movement.
        var otherRegions = Enum.GetValues<BodyRegion>().Except(effortless.Select(m => m.Region)).ToList();
        var elsewhere = statistics.TightestRegion is { } tightest && otherRegions.Contains(tightest.Region)
            ? $"your {Label(tightest.Region)}"
            : otherRegions
                .OrderBy(region => statistics.SetsPerRegion.GetValueOrDefault(region))
                .ThenBy(region => region)
                .Select(region => $"your {Label(region)}")
                .FirstOrDefault() ?? "other movements";
        return new Advice(
            AdviceKind.EffortlessMovement,
            $"Effortless for you now: {Names(effortless)}, every set you rated ended at fatigue {FatigueRating.Lowest}. "
            + $"We'll reduce the repetitions and give the time to {elsewhere}.",
            [.. effortless.Select(m => m.Id)]);
    }

    private static Advice Encouragement(WeeklyStatistics statistics)
    {
        if (statistics.SetsDone == 0)
        {
            return new Advice(
                AdviceKind.Encouragement,
                "A fresh week ahead: your next micro-movement set takes less than a minute.",
                []);
        }

        var parts = new List<string> { statistics.SetsDone == 1 ? "1 set done" : $"{statistics.SetsDone} sets done" };
        if (statistics.AverageFatigueChange is { } change && change < 0)
        {
            parts.Add($"fatigue down {Number(-change)} after each set on average");
        }

        if (statistics.CurrentStreak > 1)
        {
            parts.Add($"a {statistics.CurrentStreak}-work-day streak");
        }

        return new Advice(AdviceKind.Encouragement, $"Good week: {Join(parts)}. Keep it up!", []);
    }

    private static string Label(BodyRegion region) => region switch
    {
        BodyRegion.UpperBody => "shoulders and neck",
        BodyRegion.LowerBody => "legs and hips",
        _ => "back",
    };

    private static string Names(IEnumerable<Movement> movements, string conjunction = "and") =>
        Join([.. movements.Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..])], conjunction);

    private static string Join(List<string> items, string conjunction = "and") =>
        items.Count <= 1
            ? string.Concat(items)
            : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";

    private static string Number(double value) => value.ToString("0.#", Invariant);

    private static string SignedNumber(double value) => value.ToString("+0.#;-0.#;0", Invariant);

    private static string Percent(double rate) =>
        Math.Round(rate * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) + "%";
}
