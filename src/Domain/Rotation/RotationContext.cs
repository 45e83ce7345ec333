using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Rotation;

/// <summary>
/// The person's history as seen from the instant being planned: what counts as "in a row",
/// "today", "the last hour" and "least recently done". Everything at or after that instant is ignored.
/// </summary>
internal sealed class RotationContext
{
    /// <summary>Catalogue order, the last tie-break.</summary>
    private static readonly Dictionary<MovementId, int> CatalogueOrder =
        MovementCatalogue.Movements.Select((m, index) => (m.Id, index)).ToDictionary(x => x.Id, x => x.index);

    private readonly HashSet<MovementId> offeredToday;
    private readonly HashSet<MovementId> blocked;
    private readonly Dictionary<MovementId, DateTimeOffset> lastDone;

    public RotationContext(DateTimeOffset at, DateTimeOffset startOfLocalDay, RotationHistory history)
    {
        At = at;
        var past = history.Offered.Where(s => s.OfferedAt < at).OrderBy(s => s.OfferedAt).ToList();
        Log = [.. history.Log.Where(e => e.DoneAt < at).OrderBy(e => e.DoneAt)];
        PastSetCount = past.Count;

        // A night's rest breaks a row: only today's sets can make "three in a row".
        var today = past.Where(s => s.OfferedAt >= startOfLocalDay).ToList();
        offeredToday = [.. today.SelectMany(s => s.Movements)];
        blocked = today.Count >= 2 ? [.. today[^1].Movements.Intersect(today[^2].Movements)] : [];

        LegOfferedWithinHour = past.Any(s =>
            s.OfferedAt >= at - RotationPlanner.LegInterval
            && s.Movements.Any(m => MovementCatalogue.Get(m).IsLegFocused));

        // The bot cannot tell an ignored prompt from an unlogged set, so "done" is the later of offered and logged.
        lastDone = past.SelectMany(s => s.Movements.Select(m => (Movement: m, When: s.OfferedAt)))
            .Concat(Log.SelectMany(e => e.Movements.Select(m => (Movement: m, When: e.DoneAt))))
            .GroupBy(x => x.Movement)
            .ToDictionary(g => g.Key, g => g.Max(x => x.When));
    }

    public DateTimeOffset At { get; }

    /// <summary>The log before the planned instant, oldest first.</summary>
    public IReadOnlyList<LogEntry> Log { get; }

    /// <summary>How many sets were offered before; turns the tip rotation.</summary>
    public int PastSetCount { get; }

    public bool LegOfferedWithinHour { get; }

    /// <summary>Offered in each of today's last two sets, so a third would be one too many.</summary>
    public bool IsBlocked(MovementId movement) => blocked.Contains(movement);

    public bool WasOfferedToday(MovementId movement) => offeredToday.Contains(movement);

    /// <summary>
    /// The rotation's order of preference: not yet offered today (the full menu daily), then least
    /// recently done, then catalogue order so that the result never depends on chance.
    /// </summary>
    public IEnumerable<Movement> Rank(IEnumerable<Movement> candidates) =>
        candidates
            .OrderBy(m => WasOfferedToday(m.Id))
            .ThenBy(m => lastDone.TryGetValue(m.Id, out var when) ? when : DateTimeOffset.MinValue)
            .ThenBy(m => CatalogueOrder[m.Id]);

    /// <summary>The best candidate not yet in the draft and not blocked, if any.</summary>
    public Movement? BestFresh(IEnumerable<Movement> candidates, SetDraft draft) =>
        Rank(candidates.Where(m => !draft.Contains(m.Id) && !IsBlocked(m.Id))).FirstOrDefault();

    /// <summary>The best candidate not yet in the draft, blocked or not: for when nothing fresh is left.</summary>
    public Movement? BestAny(IEnumerable<Movement> candidates, SetDraft draft) =>
        Rank(candidates.Where(m => !draft.Contains(m.Id))).FirstOrDefault();
}
