namespace MicroMove.Domain.Rotation;

/// <summary>The rotation rules that can change a set away from its routine's plain suggestion.</summary>
public enum RotationRule
{
    /// <summary>An instant set aimed at the region the person asked for.</summary>
    RequestedFocus,

    /// <summary>No movement three sets in a row: switch to a complementary one.</summary>
    NoThirdInARow,

    /// <summary>The full menu is covered every day.</summary>
    FullMenuDaily,

    /// <summary>At least one leg-focused movement every hour.</summary>
    LegEveryHour,

    /// <summary>A region the person keeps rating tight is worked more often.</summary>
    TightRegion,

    /// <summary>A movement rated effortless gets fewer reps.</summary>
    EffortlessFewerReps,
}
