using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Rotation;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Npgsql;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// One person's rotation history for an instant set — the same sets and log lines as the delivery
/// pipeline's <c>RotationHistories</c> reads for many people (offered in the last two days unless missed
/// or failed, summaries aside; logged in the last 14 days) — and whether the person's row still exists,
/// in one round trip of three prepared statements instead of two EF Core queries.
/// </summary>
internal static class InstantSetHistory
{
    // The pipeline's windows: an instant set and a scheduled one follow the same rotation.
    public static readonly TimeSpan OfferedWindow = RotationHistories.OfferedWindow;
    public static readonly TimeSpan LogWindow = RotationHistories.LogWindow;

    private const string PersonSql = "SELECT EXISTS (SELECT 1 FROM micromove.people WHERE id = $1)";

    // The movements' slugs in the set's order, read out of the stored JSON by PostgreSQL.
    private static readonly string OfferedSql = $"""
        SELECT d.due_at, d.routine,
               ARRAY(SELECT m.value ->> 'movement' FROM jsonb_array_elements(d.movements) WITH ORDINALITY AS m(value, n) ORDER BY m.n)
        FROM micromove.prompt_deliveries AS d
        WHERE d.person_id = $1 AND d.due_at >= $2 AND d.kind <> '{StorageConversions.ToText(DeliveryKind.WeeklySummary)}'
          AND d.status NOT IN ('{StorageConversions.ToText(DeliveryStatus.Missed)}', '{StorageConversions.ToText(DeliveryStatus.Failed)}')
        """;

    private const string LoggedSql = """
        SELECT l.done_at, l.movements, l.fatigue_before, l.fatigue_after, l.note, l.routine
        FROM micromove.log_entries AS l
        WHERE l.person_id = $1 AND l.done_at >= $2
        """;

    public static async Task<(bool PersonExists, RotationHistory History)> LoadAsync(
        NpgsqlDataSource dataSource, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(PersonSql, personId));
        batch.BatchCommands.Add(Command(OfferedSql, personId, now - OfferedWindow));
        batch.BatchCommands.Add(Command(LoggedSql, personId, now - LogWindow));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var exists = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);

        await reader.NextResultAsync(cancellationToken);
        var offered = new List<PastSet>();
        while (await reader.ReadAsync(cancellationToken))
        {
            offered.Add(new PastSet(
                reader.GetFieldValue<DateTimeOffset>(0),
                RoutineKinds.TryParse(reader.IsDBNull(1) ? null : reader.GetString(1)),
                [.. reader.GetFieldValue<string?[]>(2).Select(slug => MovementSlugs.TryParse(slug ?? string.Empty, out var id) ? id : (MovementId?)null).OfType<MovementId>()]));
        }

        await reader.NextResultAsync(cancellationToken);
        var logged = new List<Domain.Tracking.LogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            logged.Add(LogEntryMapping.ToLogEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetFieldValue<string[]>(1),
                reader.IsDBNull(2) ? null : reader.GetInt16(2),
                reader.IsDBNull(3) ? null : reader.GetInt16(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return (exists, new RotationHistory(offered, logged));
    }

    private static NpgsqlBatchCommand Command(string sql, Guid personId, DateTimeOffset? since = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
        if (since is { } at)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        }

        return command;
    }
}
