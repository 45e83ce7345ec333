namespace MicroMove.Domain.Tracking;

/// <summary>How a region's average fatigue after sets moved since the previous week.</summary>
public enum TightnessTrend
{
    /// <summary>Fatigue after sets fell by at least the threshold.</summary>
    Improving,

    /// <summary>Fatigue after sets moved by less than the threshold.</summary>
    Steady,

    /// <summary>Fatigue after sets rose by at least the threshold.</summary>
    Worsening,

    /// <summary>No rated set of this region the previous week to compare with.</summary>
    New,
}
