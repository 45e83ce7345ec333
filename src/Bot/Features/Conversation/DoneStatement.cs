using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>Who pressed a button, as their chat knows them: a known person is found by these, never created.</summary>
internal sealed record ChatPresser(ChatPlatform Platform, string WorkspaceExternalId, string PlatformUserId, string ConversationId, string? ServiceUrl);

/// <summary>What the done card shows, as the statement returned it.</summary>
internal sealed record DoneRow(string? MessageRef, string? Routine, string[] Movements, short? Before, short? After);

/// <summary>
/// "Done" (with its ratings) in one statement: the set is found as the presser's, its log entry
/// written — or, pressed again, its ratings filled in — and what the done card needs returned. Plain
/// Npgsql with positional parameters, because this is the commonest click: EF Core's per-call
/// processing of a raw query cost more than the statement itself.
/// </summary>
internal static class DoneStatement
{
    private static readonly string WeeklySummaryKind = StorageConversions.ToText(DeliveryKind.WeeklySummary);

    // $1 set id, $2 new entry id, $3 source key, $4 now, $5 after-rating, $6 before-rating (else the one kept
    // with the set); the set's CTE comes first. The movements go into the entry in the set's order
    // (ordinality), as their slugs. A retried "done" is the same row (unique person + source key); ratings
    // given later fill in, or correct, the ones already there.
    private const string RecordAndReturn = """
        recorded AS (
            INSERT INTO micromove.log_entries (id, person_id, delivery_id, source_key, done_at, movements, routine, fatigue_before, fatigue_after)
            SELECT $2, person_id, id, $3, $4,
                   ARRAY(SELECT m.value ->> 'movement' FROM jsonb_array_elements(movements) WITH ORDINALITY AS m(value, n) ORDER BY m.n),
                   routine, COALESCE($6, fatigue_before), $5
            FROM delivery
            ON CONFLICT (person_id, source_key) DO UPDATE SET
                fatigue_before = COALESCE(EXCLUDED.fatigue_before, log_entries.fatigue_before),
                fatigue_after = COALESCE(EXCLUDED.fatigue_after, log_entries.fatigue_after)
            RETURNING movements, routine, fatigue_before, fatigue_after
        )
        SELECT d.platform_message_ref, r.routine, r.movements, r.fatigue_before, r.fatigue_after
        FROM delivery d CROSS JOIN recorded r
        """;

    // $7 the person's id.
    private static readonly string ByPersonSql = $"""
        WITH delivery AS (
            SELECT id, person_id, routine, movements, fatigue_before, platform_message_ref
            FROM micromove.prompt_deliveries
            WHERE id = $1 AND person_id = $7 AND kind <> '{WeeklySummaryKind}'
        ), {RecordAndReturn}
        """;

    // $7 user id, $8 conversation, $9 service URL, $10 platform, $11 workspace's external id. Only a
    // person who is active and reachable in this very chat: anyone else needs their person updated
    // first, which is the caller's full path.
    private static readonly string ByPresserSql = $"""
        WITH delivery AS (
            SELECT d.id, d.person_id, d.routine, d.movements, d.fatigue_before, d.platform_message_ref
            FROM micromove.prompt_deliveries AS d
            JOIN micromove.people AS p ON p.id = d.person_id
            JOIN micromove.workspaces AS w ON w.id = p.workspace_id
            WHERE d.id = $1 AND d.kind <> '{WeeklySummaryKind}'
              AND p.platform_user_id = $7 AND p.conversation_id = $8 AND p.service_url IS NOT DISTINCT FROM $9
              AND p.active AND p.unreachable_reason IS NULL
              AND w.platform = $10 AND w.external_id = $11 AND w.active
        ), {RecordAndReturn}
        """;

    public static Task<DoneRow?> ByPersonAsync(
        NpgsqlDataSource dataSource, Guid setId, Guid personId, DateTimeOffset now, short? before, short? after, CancellationToken cancellationToken)
    {
        var command = Command(dataSource, ByPersonSql, setId, now, before, after);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
        return ExecuteAsync(command, cancellationToken);
    }

    public static Task<DoneRow?> ByPresserAsync(
        NpgsqlDataSource dataSource, Guid setId, ChatPresser presser, DateTimeOffset now, short? after, CancellationToken cancellationToken)
    {
        var command = Command(dataSource, ByPresserSql, setId, now, before: null, after);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = presser.PlatformUserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = presser.ConversationId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)presser.ServiceUrl ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StorageConversions.ToText(presser.Platform) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = presser.WorkspaceExternalId });
        return ExecuteAsync(command, cancellationToken);
    }

    /// <summary>The log entry's idempotency key for a set: one entry per delivered set.</summary>
    public static string SourceKey(Guid setId) => $"delivery:{setId:N}";

    private static NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, Guid setId, DateTimeOffset now, short? before, short? after)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = setId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SourceKey(setId) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(Rating(after));
        command.Parameters.Add(Rating(before));
        return command;
    }

    private static NpgsqlParameter Rating(short? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Smallint, Value = value is { } rating ? rating : DBNull.Value };

    private static async Task<DoneRow?> ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new DoneRow(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<string[]>(2),
                reader.IsDBNull(3) ? null : reader.GetInt16(3),
                reader.IsDBNull(4) ? null : reader.GetInt16(4));
        }
    }
}
