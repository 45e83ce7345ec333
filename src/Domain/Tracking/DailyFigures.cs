using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>One local day of the week, for the chart.</summary>
public sealed record DailyFigures(
    DateOnly Date,
    bool IsWorkDay,
    int SetsDone,
    double? AverageFatigueBefore,
    double? AverageFatigueAfter,
    IReadOnlyDictionary<BodyRegion, int> SetsPerRegion);
