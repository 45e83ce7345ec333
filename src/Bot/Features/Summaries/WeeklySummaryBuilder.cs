using System.Buffers;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;

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
        var windows = new PersonWindow?[requests.Count];
        var people = new HashSet<Guid>();
        DateTimeOffset? from = null, weeksFrom = null, until = null;
        for (var i = 0; i < windows.Length; i++)
        {
            if (Window(requests[i]) is not { } window)
            {
                continue;
            }

            windows[i] = window;
            people.Add(window.PersonId);
            from = from is { } f && f <= window.HistoryStart ? f : window.HistoryStart;
            weeksFrom = weeksFrom is { } w && w <= window.WeekStart ? w : window.WeekStart;
            until = until is { } u && u >= window.WeekEnd ? u : window.WeekEnd;
        }

        var weeks = new WeeklyStatistics?[windows.Length];
        if (people.Count == 0)
        {
            return weeks;
        }

        using var rows = await SummaryRows.ReadAsync(db, [.. people], from!.Value, weeksFrom!.Value, until!.Value, cancellationToken);
        for (var i = 0; i < windows.Length; i++)
        {
            if (windows[i] is { } window)
            {
                weeks[i] = Calculate(window, rows);
            }
        }

        return weeks;
    }

    /// <summary>One person's week from the batch's rows: the rows within the person's own window (a batch may mix zones and weeks).</summary>
    private static WeeklyStatistics Calculate(PersonWindow window, SummaryRows rows)
    {
        var prompts = rows.PromptsOf(window.PersonId);
        var prompted = new List<PromptedSet>(prompts.Count);
        for (var i = 0; i < prompts.Count; i++)
        {
            if (prompts[i].DueAt >= window.WeekStart && prompts[i].DueAt < window.WeekEnd)
            {
                prompted.Add(prompts[i]);
            }
        }

        var log = rows.LogOf(window.PersonId);
        var request = window.Request;
        var workDays = WorkDaysOf(request.Person);
        var inWindow = 0;
        foreach (var set in log)
        {
            inWindow += window.Contains(set.DoneAt) ? 1 : 0;
        }

        if (inWindow == log.Length)
        {
            return WeeklyStatisticsCalculator.FromLoggedSets(window.Zone, workDays, request.FirstDay, prompted, log, request.AsOf);
        }

        var buffer = ArrayPool<LoggedSet>.Shared.Rent(inWindow);
        try
        {
            var next = 0;
            foreach (var set in log)
            {
                if (window.Contains(set.DoneAt))
                {
                    buffer[next++] = set;
                }
            }

            return WeeklyStatisticsCalculator.FromLoggedSets(window.Zone, workDays, request.FirstDay, prompted, buffer.AsSpan(0, inWindow), request.AsOf);
        }
        finally
        {
            ArrayPool<LoggedSet>.Shared.Return(buffer);
        }
    }

    /// <summary>The days the person works, straight from the stored schedule (the rest of the schedule plays no part in a summary).</summary>
    private static HashSet<DayOfWeek> WorkDaysOf(PersonEntity person) => [.. person.Schedule.WorkDays];

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

        /// <summary>Whether a set done then is in the log this week's figures read.</summary>
        public bool Contains(DateTimeOffset doneAt) => doneAt >= HistoryStart && doneAt < WeekEnd;
    }
}
