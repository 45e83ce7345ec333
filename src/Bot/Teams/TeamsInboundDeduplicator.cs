using System.Security.Cryptography;
using System.Text;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Records handled activities in <c>processed_inbound_events</c> (platform teams) so a redelivered
/// activity is handled once. The key is the activity id qualified by its conversation: Teams message
/// ids are millisecond timestamps, unique within a conversation but not across conversations.
/// </summary>
internal sealed class TeamsInboundDeduplicator(MicroMoveDbContext db, TimeProvider time)
{
    private const int MaxKeyLength = 256;

    /// <summary>True the first time an activity is seen; false for a redelivery.</summary>
    public async Task<bool> TryRecordAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        db.ProcessedInboundEvents.Add(new ProcessedInboundEventEntity
        {
            Platform = ChatPlatform.Teams,
            EventId = KeyOf(activity),
            ReceivedAt = time.GetUtcNow(),
        });
        return await db.SaveUnlessDuplicateAsync(cancellationToken);
    }

    /// <summary>Forgets an activity that was recorded but could not be queued, so Teams' retry is handled.</summary>
    public async Task ForgetAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var key = KeyOf(activity);
        await db.ProcessedInboundEvents
            .Where(e => e.Platform == ChatPlatform.Teams && e.EventId == key)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public static string KeyOf(TeamsActivity activity)
    {
        var id = activity.Id ?? string.Empty;
        var conversation = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversation))
        {
            return id.Length <= MaxKeyLength ? id : Hash(id);
        }

        var key = $"{id}|{conversation}";
        return key.Length <= MaxKeyLength ? key : $"{Truncate(id, 128)}|{Hash(conversation)}";
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : Hash(value);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
