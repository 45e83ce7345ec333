using MicroMove.Domain.Scheduling;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// People as MicroMove knows them: created on first contact with the article's default
/// workday (in their own zone when the platform tells it), and their next prompt kept in step.
/// </summary>
internal sealed class People(MicroMoveDbContext db, TimeProvider clock, TimeZones zones)
{
    public const string FallbackTimeZone = "Etc/UTC";

    /// <summary>The person, created if this is their first contact; <c>Created</c> says which.</summary>
    public async Task<(PersonEntity Person, bool Created)> EnsureAsync(
        Guid workspaceId, string platformUserId, string displayName, string? timeZoneId, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(workspaceId, platformUserId, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        var zoneId = timeZoneId is not null && zones.TryFind(timeZoneId, out _) ? timeZoneId : FallbackTimeZone;
        var schedule = WorkSchedule.Default(zoneId);
        var person = new PersonEntity
        {
            WorkspaceId = workspaceId,
            PlatformUserId = platformUserId,
            DisplayName = displayName,
            TimeZoneId = zoneId,
            Schedule = ScheduleMapping.ToSettings(schedule),
            CreatedAt = clock.GetUtcNow(),
        };
        person.NextPromptAt = NextPromptAt(schedule);
        db.People.Add(person);

        // Two first messages at once: the unique (workspace, user) index lets one win; the other reads it.
        var created = await db.SaveUnlessDuplicateAsync(cancellationToken);
        var stored = await FindAsync(workspaceId, platformUserId, cancellationToken)
            ?? throw new InvalidOperationException($"Person {platformUserId} vanished while being created.");
        return (stored, created);
    }

    public Task<PersonEntity?> FindAsync(Guid workspaceId, string platformUserId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().SingleOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.PlatformUserId == platformUserId, cancellationToken);

    public Task<PersonEntity?> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);

    /// <summary>
    /// Stores a changed schedule (pause, resume, settings) and moves the next prompt accordingly — and the next
    /// weekly summary, which falls at the end of the last work day: with other work days, hours or zone, the one
    /// stored for the old week's end would come at the wrong time, or never (work days cut from Mon–Fri to Mon–Thu:
    /// the dispatcher looks for summaries after the stored Friday, so that week's Thursday one would be skipped).
    /// It becomes the new schedule's first end of week from <see cref="DueSummaries.StillWorthSending"/> ago — one
    /// that has just passed is still sent, and one already sent is not sent again (one delivery per person and
    /// week). A summary already due stays for the dispatcher; a person it has not seen yet gets theirs from it.
    /// </summary>
    public async Task<DateTimeOffset?> SaveScheduleAsync(Guid personId, WorkSchedule schedule, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var next = NextPromptAt(schedule);
        var nextSummary = zones.TryFind(schedule.TimeZoneId, out var zone) && schedule.Validate().Count == 0
            ? WeeklySummarySlot.NextAfter(schedule, zone, now - DueSummaries.StillWorthSending)?.DueAt
            : null;
        var settings = ScheduleMapping.ToSettings(schedule);
        await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(
            set => set.SetProperty(p => p.Schedule, settings)
                .SetProperty(p => p.TimeZoneId, schedule.TimeZoneId)
                .SetProperty(p => p.PausedUntil, schedule.PausedUntil)
                .SetProperty(p => p.NextPromptAt, next)
                .SetProperty(p => p.NextSummaryAt, p => p.NextSummaryAt == null || p.NextSummaryAt <= now ? p.NextSummaryAt : nextSummary),
            cancellationToken);
        return next;
    }

    public TimeZoneInfo ZoneOf(PersonEntity person) =>
        zones.TryFind(person.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    private DateTimeOffset? NextPromptAt(WorkSchedule schedule) =>
        zones.TryFind(schedule.TimeZoneId, out var zone) && schedule.Validate().Count == 0
            ? NextSlotCalculator.NextAfter(schedule, zone, clock.GetUtcNow())?.DueAt
            : null;
}
