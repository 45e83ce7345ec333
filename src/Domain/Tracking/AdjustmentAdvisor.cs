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

    /// <summary>Average fatigue after sets from which a region counts as tight.</summary>
    public const double TightFatigue = 3.0;

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
        var (label, stay) = tightest.Region switch
        {
            BodyRegion.UpperBody => ("shoulders and neck", "stay"),
            BodyRegion.LowerBody => ("legs and hips", "stay"),
            _ => ("back", "stays"),
        };
        return new Advice(
            AdviceKind.RegionStaysTight,
            $"Your {label} {stay} tight (fatigue {Number(tightest.AverageFatigueAfter)} after sets on average): "
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

        var easyRegions = effortless.Select(m => m.Region).ToHashSet();
        var otherRegions = Enum.GetValues<BodyRegion>().Where(region => !easyRegions.Contains(region)).ToList();
        var target = statistics.TightestRegion is { } tightest && otherRegions.Contains(tightest.Region)
            ? tightest.Region
            : otherRegions.OrderBy(region => statistics.SetsPerRegion.GetValueOrDefault(region)).ThenBy(region => region).FirstOrDefault();
        var elsewhere = otherRegions.Count == 0
            ? "other movements"
            : target switch
            {
                BodyRegion.UpperBody => "your shoulders and neck",
                BodyRegion.LowerBody => "your legs and hips",
                _ => "your back",
            };
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
