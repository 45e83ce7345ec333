using MicroMove.Bot.Features.Summaries;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// Turns due people into deliveries. In one transaction per batch it locks the due people
/// (the partial indexes on next_prompt_at and next_summary_at make that O(due)), writes one
/// delivery per person and slot — prompts, and the weekly summary when that is due (see
/// <see cref="DueSummaries"/>) — the unique (person, slot key) makes a re-run a no-op — and
/// advances next_prompt_at and next_summary_at. Runs cluster-wide once a minute from Quartz;
/// safe to run twice.
/// </summary>
internal sealed partial class PromptDispatcher(
    MicroMoveDbContext db,
    TimeProvider clock,
    TimeZones zones,
    DeliveryMetrics metrics,
    IOptions<PromptOptions> options,
    ILogger<PromptDispatcher> logger)
{

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = DispatchResult.None;
        while (true)
        {
            var batch = await DispatchBatchAsync(now, cancellationToken);
            total += batch;
            if (batch.People < options.Value.DispatchBatchSize)
            {
                return total;
            }
        }
    }

    private async Task<DispatchResult> DispatchBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = await db.People
            .FromSql($"""
                SELECT *, xmin FROM micromove.people
                WHERE active
                  AND ((next_prompt_at IS NOT NULL AND next_prompt_at <= {now})
                       OR (next_summary_at IS NOT NULL AND next_summary_at <= {now}))
                ORDER BY LEAST(next_prompt_at, next_summary_at)
                LIMIT {options.Value.DispatchBatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return DispatchResult.None;
        }

        var personIds = people.Select(p => p.Id).ToList();
        var workspaceIds = people.Select(p => p.WorkspaceId).Distinct().ToList();
        var activeWorkspaces = (await db.Workspaces
            .Where(w => workspaceIds.Contains(w.Id) && w.Active)
            .Select(w => w.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var history = await RotationHistories.LoadAsync(db, personIds, now, cancellationToken);

        var rows = new DeliveryRows();
        var nexts = new List<NextTimes>();
        foreach (var person in people)
        {
            nexts.Add(Plan(person, activeWorkspaces, history, now, rows));
        }

        var inserted = await rows.InsertAsync(db, now, cancellationToken);
        await AdvanceAsync(nexts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        metrics.Due.Add(rows.Pending + rows.Summaries);
        metrics.Missed.Add(rows.MissedCount);
        LogBatch(logger, people.Count, rows.Pending, rows.Summaries, rows.MissedCount, inserted);
        return new DispatchResult(people.Count, rows.Pending, rows.MissedCount, rows.Summaries);
    }

    /// <summary>Adds the person's deliveries to <paramref name="rows"/> and returns their new next prompt and summary times.</summary>
    private NextTimes Plan(
        PersonEntity person,
        HashSet<Guid> activeWorkspaces,
        Dictionary<Guid, RotationHistory> history,
        DateTimeOffset now,
        DeliveryRows rows)
    {
        if (!activeWorkspaces.Contains(person.WorkspaceId))
        {
            // Uninstalled or revoked: stop looking at this person until the workspace comes back.
            return new NextTimes(person.Id, null, null);
        }

        if (!zones.TryFind(person.TimeZoneId, out var zone))
        {
            LogUnknownZone(logger, person.Id, person.TimeZoneId);
            return new NextTimes(person.Id, null, null);
        }

        var schedule = person.ToWorkSchedule();
        if (schedule.Validate().Count > 0)
        {
            LogInvalidSchedule(logger, person.Id);
            return new NextTimes(person.Id, null, null);
        }

        var summaries = DueSummaries.Work(schedule, zone, person.NextSummaryAt, now);
        foreach (var missed in summaries.Missed)
        {
            rows.AddSummary(person, missed, DeliveryStatus.Missed);
        }

        if (summaries.ToSend is { } summary)
        {
            rows.AddSummary(person, summary, DeliveryStatus.Pending);
        }

        // Due for the summary only: the prompts keep their own next time.
        var nextPrompt = person.NextPromptAt is { } storedNext && storedNext > now
            ? storedNext
            : PlanPrompts(person, schedule, zone, history, now, rows);
        return new NextTimes(person.Id, nextPrompt, summaries.NextSummaryAt);
    }

    /// <summary>Adds the person's due prompts to <paramref name="rows"/> and returns their new next prompt time.</summary>
    private DateTimeOffset? PlanPrompts(
        PersonEntity person,
        WorkSchedule schedule,
        TimeZoneInfo zone,
        Dictionary<Guid, RotationHistory> history,
        DateTimeOffset now,
        DeliveryRows rows)
    {
        var due = DueSlots.Work(schedule, zone, person.NextPromptAt ?? now, now, options.Value.Usefulness);
        foreach (var missed in due.Missed)
        {
            rows.Add(person, missed, DeliveryStatus.Missed, plan: null);
        }

        if (due.ToSend is { } slot)
        {
            var past = history.GetValueOrDefault(person.Id) ?? RotationHistory.Empty;
            var plan = RotationPlanner.Plan(slot.Routine, null, slot.DueAt, TimeZones.StartOfDay(slot.LocalDate, zone), past);
            rows.Add(person, slot, DeliveryStatus.Pending, plan);
        }

        return due.NextPromptAt;
    }

    private async Task AdvanceAsync(List<NextTimes> nexts, CancellationToken cancellationToken)
    {
        var ids = new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = nexts.Select(p => p.PersonId).ToArray() };
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE micromove.people AS p SET next_prompt_at = u.next_prompt, next_summary_at = u.next_summary
            FROM unnest(@ids, @prompts, @summaries) AS u(id, next_prompt, next_summary)
            WHERE p.id = u.id
            """,
            [ids, Instants("prompts", nexts.Select(n => n.Prompt)), Instants("summaries", nexts.Select(n => n.Summary))],
            cancellationToken);
    }

    private static NpgsqlParameter Instants(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = values.Select(next => next is { } value ? (object)value : DBNull.Value).ToArray(),
        };

    /// <summary>A person's next prompt and next summary, as the batch leaves them.</summary>
    private sealed record NextTimes(Guid PersonId, DateTimeOffset? Prompt, DateTimeOffset? Summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched {People} due people: {Pending} prompts and {Summaries} weekly summaries to send, {Missed} missed ({Inserted} new rows)")]
    private static partial void LogBatch(ILogger logger, int people, int pending, int summaries, int missed, int inserted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} has an unknown time zone {TimeZoneId}; no prompts until it is fixed")]
    private static partial void LogUnknownZone(ILogger logger, Guid personId, string timeZoneId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} has an unusable schedule; no prompts until it is fixed")]
    private static partial void LogInvalidSchedule(ILogger logger, Guid personId);
}
