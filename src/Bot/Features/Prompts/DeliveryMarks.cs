using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// The two marks every send writes, each only while the claim is still the sender's (same attempt):
/// "sending" at the gateway's checkpoint, right before the platform call, and "sent" with the platform's
/// message reference. A node sending hundreds of prompts a second would otherwise run two single-row
/// statements per prompt, and those round trips were most of the database's work in a fan-out; here the
/// marks asked for at about the same time are written together, one statement per group
/// (<see cref="GroupedStatement{TRequest}"/>).
/// </summary>
internal sealed class DeliveryMarks : IAsyncDisposable
{
    private static readonly string ClaimedStatus = StorageConversions.ToText(DeliveryStatus.Claimed);
    private static readonly string SendingStatus = StorageConversions.ToText(DeliveryStatus.Sending);
    private static readonly string SentStatus = StorageConversions.ToText(DeliveryStatus.Sent);
    private static readonly string FailedStatus = StorageConversions.ToText(DeliveryStatus.Failed);

    private readonly NpgsqlDataSource _database;
    private readonly TimeProvider _clock;
    private readonly IOptions<PromptOptions> _options;
    private readonly GroupedStatement<DeliveryClaim> _sending;
    private readonly GroupedStatement<SentMark> _sent;

    public DeliveryMarks(NpgsqlDataSource database, TimeProvider clock, IOptions<PromptOptions> options)
    {
        _database = database;
        _clock = clock;
        _options = options;
        _sending = new GroupedStatement<DeliveryClaim>(MarkSendingAsync, claim => new RowKey(claim.Id, claim.Attempts));
        _sent = new GroupedStatement<SentMark>(MarkSentAsync, mark => new RowKey(mark.Claim.Id, mark.Claim.Attempts));
    }

    /// <summary>
    /// Claimed → sending, with a fresh lease for the send itself; false when the claim is no longer ours. From
    /// here on the platform may get the message: if this node dies before recording the answer, the row is
    /// failed as uncertain when the lease runs out (<see cref="DeliveryQueue.AbandonDeadSendsAsync"/>), never sent again.
    /// </summary>
    public Task<bool> BeginSendingAsync(DeliveryClaim claim) => _sending.RunAsync(claim);

    /// <summary>
    /// Sending → sent with the message's reference; false when the row is no longer this claim's. Also over a
    /// failed-as-uncertain row of this same attempt: a send that outlived its lease and then got its answer
    /// knows better than the doubt recorded meanwhile.
    /// </summary>
    public Task<bool> RecordSentAsync(DeliveryClaim claim, DateTimeOffset sentAt, string messageRef) =>
        _sent.RunAsync(new SentMark(claim, sentAt, messageRef));

    public async ValueTask DisposeAsync()
    {
        await _sending.DisposeAsync();
        await _sent.DisposeAsync();
    }

    private async Task<IReadOnlySet<RowKey>> MarkSendingAsync(IReadOnlyList<DeliveryClaim> claims)
    {
        await using var command = _database.CreateCommand(
            """
            UPDATE micromove.prompt_deliveries AS d SET status = $1, lease_until = $2
            FROM unnest($3::uuid[], $4::integer[]) AS m(id, attempts)
            WHERE d.id = m.id AND d.status = $5 AND d.attempts = m.attempts
            RETURNING d.id, d.attempts
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SendingStatus });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = _clock.GetUtcNow() + _options.Value.Lease });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. claims.Select(c => c.Id)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. claims.Select(c => c.Attempts)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClaimedStatus });
        return await AppliedAsync(command);
    }

    private async Task<IReadOnlySet<RowKey>> MarkSentAsync(IReadOnlyList<SentMark> marks)
    {
        await using var command = _database.CreateCommand(
            """
            UPDATE micromove.prompt_deliveries AS d
            SET status = $1, sent_at = m.sent_at, platform_message_ref = m.message_ref, lease_until = NULL, last_error = NULL
            FROM unnest($2::uuid[], $3::integer[], $4::timestamptz[], $5::text[]) AS m(id, attempts, sent_at, message_ref)
            WHERE d.id = m.id AND d.attempts = m.attempts
              AND (d.status = $6 OR (d.status = $7 AND d.last_error = $8))
            RETURNING d.id, d.attempts
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SentStatus });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. marks.Select(m => m.Claim.Id)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. marks.Select(m => m.Claim.Attempts)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. marks.Select(m => m.SentAt.ToUniversalTime())] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. marks.Select(m => m.MessageRef)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SendingStatus });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = FailedStatus });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = DeliveryQueue.AbandonedSendReason });
        return await AppliedAsync(command);
    }

    private static async Task<IReadOnlySet<RowKey>> AppliedAsync(NpgsqlCommand command)
    {
        var applied = new HashSet<RowKey>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add(new RowKey(reader.GetGuid(0), reader.GetInt32(1)));
        }

        return applied;
    }

    private sealed record SentMark(DeliveryClaim Claim, DateTimeOffset SentAt, string MessageRef);
}
