using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// A person's week from the database: the prompts delivered that week (sent → prompted; missed
/// or failed → not prompted) and the log of the last <see cref="HistoryWeeks"/> weeks (streaks,
/// the trend against the week before), through <see cref="WeeklyStatisticsCalculator"/> and
/// <see cref="AdjustmentAdvisor"/> into the weekly summary — or "the week so far" for <c>stats</c>.
/// </summary>
internal sealed class WeeklySummaryBuilder(MicroMoveDbContext db, TimeZones zones, ChartLinks charts)
{
    /// <summary>Weeks of log read, this one included.</summary>
    public const int HistoryWeeks = 8;

    /// <summary>The summary a weekly-summary delivery carries: the week its key names, as of its due time.</summary>
    public async Task<WeeklySummaryMessage?> ForDeliveryAsync(PromptDeliveryEntity delivery, PersonEntity person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return SummaryOccurrence.TryParseWeek(delivery.SlotKey, out var firstDay)
            ? await BuildAsync(person, firstDay, delivery.DueAt, soFar: false, cancellationToken)
            : null;
    }

    /// <summary>"Your week so far": the person's current local week, as of <paramref name="now"/>.</summary>
    public async Task<WeeklySummaryMessage?> WeekSoFarAsync(PersonEntity person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!zones.TryFind(person.TimeZoneId, out var zone))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return await BuildAsync(person, SummaryOccurrence.WeekStartOf(today), now, soFar: true, cancellationToken);
    }

    public async Task<WeeklySummaryMessage?> BuildAsync(
        PersonEntity person, DateOnly firstDay, DateTimeOffset asOf, bool soFar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var week = await StatisticsAsync(person, firstDay, asOf, cancellationToken);
        return week is null
            ? null
            : WeeklySummaryMessage.For(week, AdjustmentAdvisor.Advise(week), charts.UrlFor(person.Id, firstDay), soFar);
    }

    /// <summary>The week starting on <paramref name="firstDay"/> (a local Monday); null when the person's zone is unknown.</summary>
    public async Task<WeeklyStatistics?> StatisticsAsync(
        PersonEntity person, DateOnly firstDay, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!zones.TryFind(person.TimeZoneId, out var zone))
        {
            return null;
        }

        var weekStart = TimeZones.StartOfDay(firstDay, zone);
        var weekEnd = TimeZones.StartOfDay(firstDay.AddDays(WeeklyStatisticsCalculator.DaysInWeek), zone);
        var historyStart = TimeZones.StartOfDay(firstDay.AddDays(-WeeklyStatisticsCalculator.DaysInWeek * (HistoryWeeks - 1)), zone);

        var prompts = await db.PromptDeliveries
            .AsNoTracking()
            .Where(d => d.PersonId == person.Id && d.Kind == DeliveryKind.Prompt && d.DueAt >= weekStart && d.DueAt < weekEnd
                && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Missed || d.Status == DeliveryStatus.Failed))
            .Select(d => new { d.DueAt, d.Routine, d.Status })
            .ToListAsync(cancellationToken);
        var prompted = prompts
            .Select(p => RoutineKinds.TryParse(p.Routine) is { } routine
                ? new PromptedSet(p.DueAt, routine, p.Status == DeliveryStatus.Sent ? PromptStatus.Sent : PromptStatus.Missed)
                : null)
            .OfType<PromptedSet>()
            .ToList();

        var log = await db.LogEntries
            .AsNoTracking()
            .Where(e => e.PersonId == person.Id && e.DoneAt >= historyStart && e.DoneAt < weekEnd)
            .ToListAsync(cancellationToken);

        return WeeklyStatisticsCalculator.Calculate(
            zone, person.ToWorkSchedule().WorkDays, firstDay, prompted, [.. log.Select(e => e.ToLogEntry())], asOf);
    }
}
