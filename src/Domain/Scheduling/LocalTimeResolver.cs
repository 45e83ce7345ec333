namespace MicroMove.Domain.Scheduling;

/// <summary>Maps a local wall time of a zone to exactly one instant, also across daylight-saving changes.</summary>
internal static class LocalTimeResolver
{
    // UTC offsets lie within −12:00…+14:00, so an instant this far either side of a wall time
    // is surely before / after it.
    private static readonly TimeSpan SearchRadius = TimeSpan.FromHours(15);

    /// <summary>
    /// The instant (UTC offset zero) at which <paramref name="local"/> happens in <paramref name="zone"/>.
    /// <list type="bullet">
    /// <item>Valid, unambiguous time: the usual conversion.</item>
    /// <item>Ambiguous time (clocks go back, the wall time happens twice): its FIRST occurrence, i.e. the
    /// earlier instant, using the larger of the two offsets. The later repetition never counts.</item>
    /// <item>Time in a gap (clocks go forward, the wall time never happens): the first instant after the
    /// gap, i.e. the moment of the transition. Example: Europe/Berlin on 2026-03-29 jumps from 02:00 to
    /// 03:00, so 02:30 resolves to 03:00 local (01:00 UTC). Several wall times in one gap therefore
    /// resolve to the same instant; callers that need distinct instants must de-duplicate.</item>
    /// </list>
    /// This mapping is non-decreasing: a later wall time never resolves to an earlier instant.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        if (zone.IsInvalidTime(wall))
        {
            return FirstInstantAfterGap(wall, zone);
        }

        var offset = zone.IsAmbiguousTime(wall)
            ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.GetUtcOffset(wall);

        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>
    /// The first instant whose wall time is later than <paramref name="wall"/>, which lies in a gap:
    /// the transition instant. Found by bisection over instants, since wall time is increasing
    /// around a gap.
    /// </summary>
    private static DateTimeOffset FirstInstantAfterGap(DateTime wall, TimeZoneInfo zone)
    {
        // Invariant: WallTicks(low) <= wall < WallTicks(high).
        var low = wall.Ticks - SearchRadius.Ticks;
        var high = wall.Ticks + SearchRadius.Ticks;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (WallTicks(middle, zone) > wall.Ticks)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    private static long WallTicks(long utcTicks, TimeZoneInfo zone) =>
        utcTicks + zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero)).Ticks;
}
