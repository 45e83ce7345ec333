using MicroMove.Bot.Tests.Prompts;
using MicroMove.Infrastructure.Persistence.Entities;

namespace MicroMove.Bot.Tests.Summaries;

/// <summary>Seeds prompt deliveries and log entries of a person straight into the test's database.</summary>
internal static class SummaryWorld
{
    public static async Task PromptAsync(string connectionString, PersonEntity person, DateTimeOffset dueAt, string routine, DeliveryStatus status)
    {
        await using var db = PromptWorld.Db(connectionString);
        db.PromptDeliveries.Add(new PromptDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            WorkspaceId = person.WorkspaceId,
            Kind = DeliveryKind.Prompt,
            SlotKey = $"{dueAt:O}/{routine}",
            Routine = routine,
            DueAt = dueAt,
            Status = status,
            CreatedAt = dueAt,
            SentAt = status == DeliveryStatus.Sent ? dueAt : null,
        });
        await db.SaveChangesAsync();
    }

    public static async Task LogAsync(
        string connectionString, PersonEntity person, DateTimeOffset doneAt, string? routine, string[] movements, short? before, short? after)
    {
        await using var db = PromptWorld.Db(connectionString);
        db.LogEntries.Add(new LogEntryEntity
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            SourceKey = $"instant:{Guid.NewGuid():N}",
            DoneAt = doneAt,
            Movements = [.. movements],
            Routine = routine,
            FatigueBefore = before,
            FatigueAfter = after,
        });
        await db.SaveChangesAsync();
    }
}
