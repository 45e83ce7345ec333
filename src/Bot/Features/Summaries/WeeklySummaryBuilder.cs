using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// People's weeks from the database: the prompts delivered that week (sent → prompted; missed
/// or failed → not prompted) and the log of the last <see cref="HistoryWeeks"/> weeks (streaks,
/// the trend against the week before), through <see cref="WeeklyStatisticsCalculator"/> and
/// <see cref="AdjustmentAdvisor"/> into the weekly summary — or "the week so far" for <c>stats</c>.
/// Many people are read together (two queries for a whole batch, projected rows rather than
/// entities): a Friday evening brings a wave of summaries for everyone in a time zone at once.
/// </summary>
internal sealed class WeeklySummaryBuilder(MicroMoveDbContext db, TimeZones zones, ChartLinks charts)
{
    /// <summary>Weeks of log read, this one included.</summary>
    public const int HistoryWeeks = 8;

    /// <summary>The summary a weekly-summary delivery carries: the week its key names, as of its due time.</summary>
    public async Task<WeeklySummaryMessage?> ForDeliveryAsync(PromptDeliveryEntity delivery, PersonEntity person, CancellationToken cancellationToken) =>
        RequestFor(delivery, person) is { } request ? (await BuildManyAsync([request], cancellationToken))[0] : null;

    /// <summary>The request a weekly-summary delivery stands for; null when its key names no week.</summary>
    public static SummaryRequest? RequestFor(PromptDeliveryEntity delivery, PersonEntity person)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(person);
        return SummaryOccurrence.TryParseWeek(delivery.SlotKey, out var firstDay) ? new SummaryRequest(person, firstDay, delivery.DueAt) : null;
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
        return (await BuildManyAsync([new SummaryRequest(person, SummaryOccurrence.WeekStartOf(today), now, SoFar: true)], cancellationToken))[0];
    }

    /// <summary>Each request's summary, in the same order; null where the person's zone is unknown.</summary>
    public async Task<IReadOnlyList<WeeklySummaryMessage?>> BuildManyAsync(IReadOnlyList<SummaryRequest> requests, CancellationToken cancellationToken)
    {
        var weeks = await StatisticsManyAsync(requests, cancellationToken);
        return [.. requests.Select((request, i) => weeks[i] is { } week
            ? WeeklySummaryMessage.For(week, AdjustmentAdvisor.Advise(week), charts.UrlFor(request.Person.Id, request.FirstDay), request.SoFar)
            : null)];
    }

    /// <summary>The week starting on <paramref name="firstDay"/> (a local Monday); null when the person's zone is unknown.</summary>
    public async Task<WeeklyStatistics?> StatisticsAsync(
        PersonEntity person, DateOnly firstDay, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        (await StatisticsManyAsync([new SummaryRequest(person, firstDay, asOf)], cancellationToken))[0];

    /// <summary>Each request's week, in the same order: one query for the prompts and one for the log of all of them.</summary>
    public async Task<IReadOnlyList<WeeklyStatistics?>> StatisticsManyAsync(IReadOnlyList<SummaryRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var windows = requests.Select(Window).ToList();
        var known = windows.OfType<PersonWindow>().ToList();
        if (known.Count == 0)
        {
            return [.. windows.Select(_ => (WeeklyStatistics?)null)];
        }

        var people = known.Select(w => w.PersonId).Distinct().ToList();
        var recipients = people.Select(id => (Guid?)id).ToList();
        var from = known.Min(w => w.HistoryStart);
        var weeksFrom = known.Min(w => w.WeekStart);
        var until = known.Max(w => w.WeekEnd);

        var prompts = (await db.PromptDeliveries
            .AsNoTracking()
            .Where(d => recipients.Contains(d.PersonId) && d.Kind == DeliveryKind.Prompt && d.DueAt >= weeksFrom && d.DueAt < until
                && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Missed || d.Status == DeliveryStatus.Failed))
            .Select(d => new { PersonId = d.PersonId!.Value, d.DueAt, d.Routine, d.Status })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.PersonId);

        var log = (await db.LogEntries
            .AsNoTracking()
            .Where(e => people.Contains(e.PersonId) && e.DoneAt >= from && e.DoneAt < until)
            .Select(e => new { e.PersonId, e.DoneAt, e.Movements, e.FatigueBefore, e.FatigueAfter, e.Note, e.Routine })
            .ToListAsync(cancellationToken))
            .ToLookup(e => e.PersonId);

        return [.. windows.Select(window =>
        {
            if (window is null)
            {
                return (WeeklyStatistics?)null;
            }

            var prompted = prompts[window.PersonId]
                .Where(p => p.DueAt >= window.WeekStart && p.DueAt < window.WeekEnd)
                .Select(p => RoutineKinds.TryParse(p.Routine) is { } routine
                    ? new PromptedSet(p.DueAt, routine, p.Status == DeliveryStatus.Sent ? PromptStatus.Sent : PromptStatus.Missed)
                    : null)
                .OfType<PromptedSet>()
                .ToList();
            var entries = log[window.PersonId]
                .Where(e => e.DoneAt >= window.HistoryStart && e.DoneAt < window.WeekEnd)
                .Select(e => LogEntryMapping.ToLogEntry(e.DoneAt, e.Movements, e.FatigueBefore, e.FatigueAfter, e.Note, e.Routine))
                .ToList();
            return WeeklyStatisticsCalculator.Calculate(
                window.Zone, window.Request.Person.ToWorkSchedule().WorkDays, window.Request.FirstDay, prompted, entries, window.Request.AsOf);
        })];
    }

    private PersonWindow? Window(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!zones.TryFind(request.Person.TimeZoneId, out var zone))
        {
            return null;
        }

        var firstDay = request.FirstDay;
        return new PersonWindow(
            request,
            zone,
            TimeZones.StartOfDay(firstDay.AddDays(-WeeklyStatisticsCalculator.DaysInWeek * (HistoryWeeks - 1)), zone),
            TimeZones.StartOfDay(firstDay, zone),
            TimeZones.StartOfDay(firstDay.AddDays(WeeklyStatisticsCalculator.DaysInWeek), zone));
    }

    /// <summary>The instants one person's week reads: its log history from <see cref="HistoryStart"/>, its prompts from <see cref="WeekStart"/>, both until <see cref="WeekEnd"/>.</summary>
    private sealed record PersonWindow(SummaryRequest Request, TimeZoneInfo Zone, DateTimeOffset HistoryStart, DateTimeOffset WeekStart, DateTimeOffset WeekEnd)
    {
        public Guid PersonId => Request.Person.Id;
    }
}
