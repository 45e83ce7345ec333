using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using RoutineSlugs = MicroMove.Infrastructure.Persistence.RoutineKinds;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// Reads one person's data from the database into a <see cref="DataExport"/>: profile, every log
/// entry, every delivery and every challenge entry. Read at download time, so the file is current.
/// Every query is by the person's id only: nobody else's rows can end up in it.
/// </summary>
internal sealed class DataExportBuilder(MicroMoveDbContext db, TimeZones zones, TimeProvider clock)
{
    public async Task<DataExport?> BuildAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Workspace)
            .SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person?.Workspace is not { } workspace)
        {
            return null;
        }

        var zone = zones.TryFind(person.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);
        DateTimeOffset? LocalOrNull(DateTimeOffset? at) => at is { } value ? Local(value) : null;

        var log = await db.LogEntries.AsNoTracking()
            .Where(e => e.PersonId == personId)
            .OrderBy(e => e.DoneAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var deliveries = await db.PromptDeliveries.AsNoTracking()
            .Where(d => d.PersonId == personId)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var joined = await db.ChallengeParticipants.AsNoTracking()
            .Where(p => p.PersonId == personId)
            .Select(p => new { p.Challenge, p.JoinedAt })
            .ToListAsync(cancellationToken);
        var started = await db.Challenges.AsNoTracking()
            .Where(c => c.CreatedByPersonId == personId)
            .ToListAsync(cancellationToken);

        var kinds = deliveries.ToDictionary(d => d.Id, d => d.Kind);
        var answeredAt = log.Where(e => e.DeliveryId is not null).ToDictionary(e => e.DeliveryId!.Value, e => e.DoneAt);
        var challenges = joined
            .Where(j => j.Challenge is not null)
            .Select(j => Challenge(j.Challenge!, Local(j.JoinedAt), j.Challenge!.CreatedByPersonId == personId))
            .Concat(started.Where(c => joined.All(j => j.Challenge?.Id != c.Id)).Select(c => Challenge(c, null, true)))
            .OrderBy(c => c.StartsOn)
            .ToList();

        return new DataExport(
            DataExport.FormatName,
            Local(clock.GetUtcNow()),
            new ExportedProfile(
                workspace.Platform.ToString().ToLowerInvariant(),
                new ExportedWorkspace(workspace.ExternalId, workspace.Name),
                person.PlatformUserId,
                person.DisplayName,
                person.TimeZoneId,
                person.Schedule,
                LocalOrNull(person.PausedUntil),
                LocalOrNull(person.NextPromptAt),
                LocalOrNull(person.NextSummaryAt),
                person.Active,
                person.UnreachableReason,
                person.ConversationId,
                Local(person.CreatedAt)),
            [.. log.Select(e => new ExportedLogEntry(
                Local(e.DoneAt),
                SourceOf(e, kinds),
                RoutineName(e.Routine),
                [.. e.Movements.Select(m => Movement(m, null))],
                e.FatigueBefore,
                e.FatigueAfter,
                e.Note))],
            [.. deliveries.Select(d => new ExportedDelivery(
                KindName(d.Kind),
                d.SlotKey,
                RoutineName(d.Routine),
                Local(d.DueAt),
                [.. d.Movements.Select(m => Movement(m.Movement, m.Reps))],
                TipText(d.Tip),
                d.Notes,
                d.FatigueBefore,
                d.Snoozes,
                d.Status.ToString().ToLowerInvariant(),
                d.Attempts,
                Local(d.CreatedAt),
                LocalOrNull(d.SentAt),
                answeredAt.TryGetValue(d.Id, out var answered) ? Local(answered) : null,
                d.LastError))],
            challenges);
    }

    /// <summary>"prompt" or "instant-set": from the set's delivery while it exists, else from the entry itself.</summary>
    private static string SourceOf(LogEntryEntity entry, Dictionary<Guid, DeliveryKind> kinds) =>
        entry.DeliveryId is { } id && kinds.TryGetValue(id, out var kind)
            ? KindName(kind)
            : entry.Routine is null ? KindName(DeliveryKind.InstantSet) : KindName(DeliveryKind.Prompt);

    private static ExportedChallenge Challenge(ChallengeEntity challenge, DateTimeOffset? joinedAt, bool startedByYou) =>
        new(challenge.Title, challenge.ChannelId, challenge.StartsOn, challenge.EndsOn, challenge.DailyGoal, challenge.Active, joinedAt, startedByYou);

    private static ExportedMovement Movement(string slug, int? reps) =>
        new(slug, MovementSlugs.TryParse(slug, out var id) ? MovementCatalogue.Get(id).Name : slug, reps);

    /// <summary>"Start of day" for "start-of-day"; an unknown slug as stored; null for an instant set or a summary.</summary>
    private static string? RoutineName(string? slug) =>
        RoutineSlugs.TryParse(slug) is { } routine ? MovementCatalogue.Get(routine).Name : slug;

    private static string? TipText(string? tip) =>
        tip is null ? null : MovementCatalogue.Mistakes.FirstOrDefault(m => m.Id.ToString() == tip)?.Tip ?? tip;

    private static string KindName(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Prompt => "prompt",
        DeliveryKind.InstantSet => "instant-set",
        DeliveryKind.WeeklySummary => "weekly-summary",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The file name of an export made at <paramref name="exportedAt"/>: micromove-export-2026-11-25.json.</summary>
    public static string FileName(DateTimeOffset exportedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"micromove-export-{exportedAt:yyyy-MM-dd}.json");
}
