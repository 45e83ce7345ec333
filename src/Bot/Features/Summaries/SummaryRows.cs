using System.Buffers;
using System.Data.Common;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// The rows a batch of weekly summaries reads — the log of the last weeks and the week's prompts
/// of up to a claimed batch of people — with two plain parameterised commands on the context's
/// connection, straight into <see cref="LoggedSet"/> values in one pooled buffer grouped by
/// person. A Friday evening builds everyone's summary in a zone at once, and materialising each
/// row as an object with its own list of slugs was most of that work.
/// </summary>
internal sealed class SummaryRows : IDisposable
{
    // Columns by position, in the order the SELECTs below name them.
    private const string LogSql = """
        SELECT person_id, done_at, movements, fatigue_before, fatigue_after, routine
        FROM micromove.log_entries
        WHERE person_id = ANY(@people) AND done_at >= @from AND done_at < @until
        """;

    private const string PromptsSql = """
        SELECT person_id, due_at, routine, status
        FROM micromove.prompt_deliveries
        WHERE person_id = ANY(@people) AND kind = @kind AND due_at >= @from AND due_at < @until AND status = ANY(@statuses)
        """;

    private static readonly string PromptKind = StorageConversions.ToText(DeliveryKind.Prompt);
    private static readonly string SentStatus = StorageConversions.ToText(DeliveryStatus.Sent);

    // Sent → prompted; missed or failed → planned but not delivered (they do not count as prompted).
    private static readonly string[] PlannedStatuses =
        [SentStatus, StorageConversions.ToText(DeliveryStatus.Missed), StorageConversions.ToText(DeliveryStatus.Failed)];

    private readonly Dictionary<Guid, int> _people;
    private readonly LoggedSet[] _log;
    private readonly int[] _logStarts;
    private readonly List<PromptedSet>?[] _prompts;

    private SummaryRows(Dictionary<Guid, int> people, LoggedSet[] log, int[] logStarts, List<PromptedSet>?[] prompts)
    {
        _people = people;
        _log = log;
        _logStarts = logStarts;
        _prompts = prompts;
    }

    /// <summary>
    /// Reads the log done in [<paramref name="logFrom"/>, <paramref name="until"/>) and the prompts due in
    /// [<paramref name="promptsFrom"/>, <paramref name="until"/>) of <paramref name="people"/> (distinct ids).
    /// </summary>
    public static async Task<SummaryRows> ReadAsync(
        MicroMoveDbContext db, Guid[] people, DateTimeOffset logFrom, DateTimeOffset promptsFrom, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var index = new Dictionary<Guid, int>(people.Length);
        foreach (var person in people)
        {
            index.Add(person, index.Count);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            var prompts = await ReadPromptsAsync(connection, transaction, index, people, promptsFrom, until, cancellationToken);
            var (log, starts) = await ReadLogAsync(connection, transaction, index, people, logFrom, until, cancellationToken);
            return new SummaryRows(index, log, starts, prompts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The person's log as read (in no particular order); empty for a person not read.</summary>
    public ReadOnlySpan<LoggedSet> LogOf(Guid person) =>
        _people.TryGetValue(person, out var i) ? _log.AsSpan(_logStarts[i], _logStarts[i + 1] - _logStarts[i]) : [];

    /// <summary>The person's planned prompts as read (in no particular order).</summary>
    public IReadOnlyList<PromptedSet> PromptsOf(Guid person) =>
        _people.TryGetValue(person, out var i) && _prompts[i] is { } prompts ? prompts : [];

    public void Dispose() => ArrayPool<LoggedSet>.Shared.Return(_log);

    private static async Task<List<PromptedSet>?[]> ReadPromptsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Dictionary<Guid, int> index, Guid[] people,
        DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var prompts = new List<PromptedSet>?[people.Length];
        await using var command = new NpgsqlCommand(PromptsSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("people", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = people });
        command.Parameters.Add(new NpgsqlParameter<string>("kind", PromptKind));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", until.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = PlannedStatuses });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A routine unknown to this version (stored by a newer one) plans nothing this version can count.
            if (reader.IsDBNull(2) || RoutineKinds.TryParse(reader.GetString(2)) is not { } routine)
            {
                continue;
            }

            var status = string.Equals(reader.GetString(3), SentStatus, StringComparison.Ordinal) ? PromptStatus.Sent : PromptStatus.Missed;
            var person = index[reader.GetGuid(0)];
            (prompts[person] ??= []).Add(new PromptedSet(reader.GetFieldValue<DateTimeOffset>(1), routine, status));
        }

        return prompts;
    }

    /// <summary>The rows, grouped by person in one pooled buffer: person i's are [starts[i], starts[i + 1]).</summary>
    private static async Task<(LoggedSet[] Log, int[] Starts)> ReadLogAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Dictionary<Guid, int> index, Guid[] people,
        DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var rows = ArrayPool<(int Person, LoggedSet Set)>.Shared.Rent(people.Length * 16);
        var count = 0;
        try
        {
            await using (var command = new NpgsqlCommand(LogSql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<Guid[]>("people", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = people });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", until.ToUniversalTime()));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (count == rows.Length)
                    {
                        rows = Grow(rows);
                    }

                    rows[count++] = (index[reader.GetGuid(0)], ReadSet(reader));
                }
            }

            // Grouped by person with a counting sort (each person's rows keep the order read).
            var starts = new int[people.Length + 1];
            for (var i = 0; i < count; i++)
            {
                starts[rows[i].Person + 1]++;
            }

            for (var person = 0; person < people.Length; person++)
            {
                starts[person + 1] += starts[person];
            }

            var log = ArrayPool<LoggedSet>.Shared.Rent(count);
            var next = starts.AsSpan(0, people.Length).ToArray();
            for (var i = 0; i < count; i++)
            {
                log[next[rows[i].Person]++] = rows[i].Set;
            }

            return (log, starts);
        }
        finally
        {
            ArrayPool<(int, LoggedSet)>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// One log row as the statistics read it. As <see cref="LogEntryMapping"/> reads rows into log
    /// entries: movements and routines unknown to this version are left out, ratings off the scale are no rating.
    /// </summary>
    private static LoggedSet ReadSet(DbDataReader reader)
    {
        var movements = MovementSet.Empty;
        foreach (var slug in reader.GetFieldValue<string[]>(2))
        {
            if (slug is not null && MovementSlugs.TryParse(slug, out var movement))
            {
                movements = movements.With(movement);
            }
        }

        return new LoggedSet(
            reader.GetFieldValue<DateTimeOffset>(1),
            movements,
            Rating(reader, 3),
            Rating(reader, 4),
            reader.IsDBNull(5) ? null : RoutineKinds.TryParse(reader.GetString(5)));
    }

    private static FatigueRating? Rating(DbDataReader reader, int ordinal) =>
        !reader.IsDBNull(ordinal) && FatigueRating.TryCreate(reader.GetInt16(ordinal), out var rating) ? rating : null;

    private static (int, LoggedSet)[] Grow((int, LoggedSet)[] rows)
    {
        var larger = ArrayPool<(int, LoggedSet)>.Shared.Rent(rows.Length * 2);
        rows.CopyTo(larger, 0);
        ArrayPool<(int, LoggedSet)>.Shared.Return(rows);
        return larger;
    }
}
