using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Tests.Privacy;

/// <summary>
/// Seeds a person with a bit of everything MicroMove stores about people — log entries, sent and
/// pending deliveries, a challenge entry — and counts what is left of them afterwards.
/// </summary>
internal static class PrivacyWorld
{
    public static async Task<WorkspaceEntity> WorkspaceAsync(string db, ChatPlatform platform, string externalId)
    {
        await using var context = PromptWorld.Db(db);
        var workspace = new WorkspaceEntity { Platform = platform, ExternalId = externalId, Name = $"Workspace {externalId}", CreatedAt = DateTimeOffset.UnixEpoch };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        return workspace;
    }

    /// <summary>
    /// A person in Berlin with <paramref name="sets"/> sets done (the first on <paramref name="firstSet"/>,
    /// one a day), one delivery per set, one pending prompt, and a place in a challenge titled <paramref name="challenge"/>.
    /// </summary>
    public static async Task<PersonEntity> PersonAsync(
        string db, WorkspaceEntity workspace, string userId, int sets, DateTimeOffset firstSet, string challenge, DateTimeOffset nextPrompt)
    {
        await using var context = PromptWorld.Db(db);
        var schedule = WorkSchedule.Default("Europe/Berlin");
        var person = new PersonEntity
        {
            WorkspaceId = workspace.Id,
            PlatformUserId = userId,
            DisplayName = $"Name of {userId}",
            TimeZoneId = schedule.TimeZoneId,
            Schedule = ScheduleMapping.ToSettings(schedule),
            NextPromptAt = nextPrompt,
            NextSummaryAt = nextPrompt.AddDays(3),
            ConversationId = $"D-{userId}",
            CreatedAt = firstSet.AddDays(-1),
        };
        context.People.Add(person);
        await context.SaveChangesAsync();

        for (var i = 0; i < sets; i++)
        {
            var at = firstSet.AddDays(i);
            var delivery = new PromptDeliveryEntity
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                WorkspaceId = workspace.Id,
                Kind = DeliveryKind.Prompt,
                SlotKey = $"{at:O}/start-of-day",
                Routine = "start-of-day",
                DueAt = at,
                Movements = [new DeliveredMovement("ankle-pumps", 12), new DeliveredMovement("seated-cat-cow", 6)],
                Tip = "HoldingBreath",
                Status = DeliveryStatus.Sent,
                SentAt = at,
                CreatedAt = at,
            };
            context.PromptDeliveries.Add(delivery);
            context.LogEntries.Add(new LogEntryEntity
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                DeliveryId = delivery.Id,
                SourceKey = $"delivery:{delivery.Id:N}",
                DoneAt = at.AddMinutes(3),
                Movements = ["ankle-pumps", "seated-cat-cow"],
                Routine = "start-of-day",
                FatigueBefore = 3,
                FatigueAfter = 2,
            });
        }

        context.PromptDeliveries.Add(new PromptDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            WorkspaceId = workspace.Id,
            Kind = DeliveryKind.Prompt,
            SlotKey = $"{nextPrompt:O}/every-30-minutes",
            Routine = "every-30-minutes",
            DueAt = nextPrompt,
            Movements = [new DeliveredMovement("ankle-pumps", 12)],
            Status = DeliveryStatus.Pending,
            CreatedAt = nextPrompt.AddMinutes(-1),
        });
        var entered = new ChallengeEntity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            ChannelId = $"C-{userId}",
            Title = challenge,
            CreatedByPersonId = person.Id,
            StartsOn = DateOnly.FromDateTime(firstSet.UtcDateTime),
            EndsOn = DateOnly.FromDateTime(firstSet.UtcDateTime).AddDays(14),
            DailyGoal = 3,
            CreatedAt = firstSet,
        };
        context.Challenges.Add(entered);
        context.ChallengeParticipants.Add(new ChallengeParticipantEntity { ChallengeId = entered.Id, PersonId = person.Id, JoinedAt = firstSet });

        // The challenge's board, owed to its channel (no person): neither theirs to export nor to delete.
        context.PromptDeliveries.Add(new PromptDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            ChallengeId = entered.Id,
            WorkspaceId = workspace.Id,
            Kind = DeliveryKind.ChallengeUpdate,
            SlotKey = $"{firstSet:yyyy-MM-dd}/leaderboard",
            DueAt = firstSet.AddHours(9),
            Status = DeliveryStatus.Sent,
            SentAt = firstSet.AddHours(9),
            CreatedAt = firstSet.AddHours(9),
        });
        await context.SaveChangesAsync();
        return person;
    }

    /// <summary>Rows that still belong to the person, per table.</summary>
    public static async Task<(int People, int LogEntries, int Deliveries, int ChallengeEntries)> LeftOfAsync(string db, Guid personId)
    {
        await using var context = PromptWorld.Db(db);
        return (
            await context.People.CountAsync(p => p.Id == personId),
            await context.LogEntries.CountAsync(e => e.PersonId == personId),
            await context.PromptDeliveries.CountAsync(d => d.PersonId == personId),
            await context.ChallengeParticipants.CountAsync(p => p.PersonId == personId));
    }
}
