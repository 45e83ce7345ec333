using System.Text.Json;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// <c>GET /exports/{token}.json</c>: checks the signed link and answers the person's data as a JSON
/// download, built from the database now. Never cached anywhere (<c>private, no-store</c>). A malformed,
/// forged or expired link, or one for a person who is gone, is a 404, logged without the token.
/// </summary>
internal sealed partial class ExportRequests(ExportLinks links, DataExportBuilder exports, ILogger<ExportRequests> logger)
{
    public async Task<IResult> HandleAsync(string token, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (links.Verify(token, out var problem) is not { } ticket)
        {
            LogRefused(logger, problem);
            return Results.NotFound();
        }

        if (await exports.BuildAsync(ticket.PersonId, cancellationToken) is not { } export)
        {
            LogRefused(logger, "person gone");
            return Results.NotFound();
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(export, DataExportJson.Default.DataExport);
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentDisposition = $"attachment; filename={DataExportBuilder.FileName(export.ExportedAt)}";
        response.Headers.XContentTypeOptions = "nosniff";
        LogServed(logger, ticket.PersonId, export.LogEntries.Count, export.Deliveries.Count);
        return Results.Bytes(json, "application/json; charset=utf-8");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data export link refused: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data export downloaded for person {PersonId}: {LogEntries} log entries, {Deliveries} deliveries")]
    private static partial void LogServed(ILogger logger, Guid personId, int logEntries, int deliveries);
}
