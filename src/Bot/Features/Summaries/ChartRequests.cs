using System.Globalization;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// <c>GET /charts/{token}.png</c>: checks the signed link, renders the person's week from the
/// database and answers the PNG, cacheable privately until the link expires. A malformed,
/// forged or expired link, or one for a person who is gone, is a 404 (logged, without the token).
/// </summary>
internal sealed partial class ChartRequests(
    ChartLinks links,
    WeeklySummaryBuilder summaries,
    MicroMoveDbContext db,
    TimeProvider clock,
    ILogger<ChartRequests> logger)
{
    public async Task<IResult> HandleAsync(string token, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (links.Verify(token, out var problem) is not { } ticket)
        {
            LogRefused(logger, problem);
            return Results.NotFound();
        }

        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ticket.PersonId, cancellationToken);
        var now = clock.GetUtcNow();
        var week = person is null
            ? null
            : await summaries.StatisticsAsync(person, ticket.FirstDay, Min(now, EndOf(ticket)), cancellationToken);
        if (week is null)
        {
            LogRefused(logger, "person gone or time zone unknown");
            return Results.NotFound();
        }

        var png = WeeklyChart.RenderPng(week);
        var maxAge = Math.Max(0, (long)(ticket.ExpiresAt - now).TotalSeconds);
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={maxAge}");
        return Results.File(png, "image/png");
    }

    /// <summary>Later than any instant of the week in any zone (the streak is taken no later than this).</summary>
    private static DateTimeOffset EndOf(ChartTicket ticket) =>
        new(ticket.FirstDay.AddDays(WeeklyStatisticsCalculator.DaysInWeek + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chart link refused: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
