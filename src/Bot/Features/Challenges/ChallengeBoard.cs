using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Challenges;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Challenges;

/// <summary>
/// Turns a stored challenge into the Domain's view of it and its card: the participants (people
/// who joined, each with their zone and work days) and the times they finished sets, as counts
/// only — the log's fatigue columns are never read here.
/// </summary>
internal sealed class ChallengeBoard(MicroMoveDbContext db, TimeZones zones)
{
    /// <summary>The challenge's reference on a card and in its Join button: its id.</summary>
    public static string Reference(ChallengeEntity challenge) => challenge.Id.ToString("N");

    public static Challenge ToDomain(ChallengeEntity challenge) =>
        new(challenge.Title, ChallengeCalendar.WorkDaysFrom(challenge.StartsOn, challenge.Days, WorkDaysOf(challenge)), challenge.DailyGoal);

    public static IReadOnlySet<DayOfWeek> WorkDaysOf(ChallengeEntity challenge) =>
        challenge.WorkDays.Select(day => (DayOfWeek)day).ToHashSet();

    public TimeZoneInfo ZoneOf(ChallengeEntity challenge) =>
        zones.TryFind(challenge.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The card as of <paramref name="asOf"/> (an ended challenge is counted up to its end). The
    /// results variant once it has ended, or when <paramref name="final"/> says so.
    /// </summary>
    public async Task<ChallengeCardMessage> CardAsync(ChallengeEntity challenge, DateTimeOffset asOf, string? note, CancellationToken cancellationToken, bool final = false)
    {
        var ended = final || !challenge.Active;
        var countUntil = challenge.EndedAt is { } endedAt && endedAt < asOf ? endedAt : asOf;
        var domain = ToDomain(challenge);
        var entrants = await EntrantsAsync(challenge, countUntil, cancellationToken);
        var board = ChallengeLeaderboard.Rank(domain, entrants, countUntil);
        var progress = ChallengeCalendar.Progress(domain, ZoneOf(challenge), countUntil, ended);
        return ChallengeCardMessage.For(Reference(challenge), domain, progress, board, note);
    }

    private async Task<List<Entrant>> EntrantsAsync(ChallengeEntity challenge, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var participants = await db.ChallengeParticipants.AsNoTracking()
            .Where(p => p.ChallengeId == challenge.Id && p.Person!.Active)
            .Select(p => new { p.PersonId, p.JoinedAt, p.Person!.DisplayName, p.Person.TimeZoneId, p.Person.Schedule })
            .ToListAsync(cancellationToken);
        if (participants.Count == 0)
        {
            return [];
        }

        // Local dates reach at most 14 hours either side of UTC: a day's margin covers every zone.
        var from = new DateTimeOffset(challenge.StartsOn.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(challenge.EndsOn.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var ids = participants.Select(p => p.PersonId).ToList();
        var sets = (await db.LogEntries.AsNoTracking()
                .Where(e => ids.Contains(e.PersonId) && e.DoneAt >= from && e.DoneAt < until && e.DoneAt <= asOf)
                .Select(e => new { e.PersonId, e.DoneAt })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.PersonId, e => e.DoneAt);
        return [.. participants.Select(p => new Entrant(
            p.PersonId.ToString("N"),
            p.DisplayName,
            p.JoinedAt,
            zones.TryFind(p.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc,
            p.Schedule.WorkDays.ToHashSet(),
            [.. sets[p.PersonId]]))];
    }
}
