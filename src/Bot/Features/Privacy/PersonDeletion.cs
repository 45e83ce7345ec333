using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// Deletes everything MicroMove holds about one person in one transaction: challenge entries, log
/// entries, deliveries (pending ones too, so nothing more is sent), their Teams conversation
/// references, and the person row itself (with it their schedule, next prompt and next summary).
/// The person row is locked first, so the dispatcher (which skips locked people) cannot queue a new
/// prompt in between; a second deletion of the same person finds nothing and changes nothing.
/// Challenges the person started stay for their channel; they no longer point at anyone.
/// </summary>
internal sealed partial class PersonDeletion(MicroMoveDbContext db, ILogger<PersonDeletion> logger)
{
    /// <summary>Deletes the person; null when they were already gone.</summary>
    public async Task<DeletedData?> DeleteAsync(Guid personId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM micromove.people WHERE id = {personId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Include(p => p.Workspace).SingleAsync(p => p.Id == personId, cancellationToken);
        var challengeEntries = await db.ChallengeParticipants.Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        var logEntries = await db.LogEntries.Where(e => e.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        var deliveries = await db.PromptDeliveries.Where(d => d.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        var teamsConversations = person.Workspace?.Platform == ChatPlatform.Teams
            ? await ForgetTeamsConversationsAsync(person, person.Workspace.ExternalId, cancellationToken)
            : 0;
        await db.People.Where(p => p.Id == personId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var deleted = new DeletedData(personId, person.WorkspaceId, logEntries, deliveries, challengeEntries, teamsConversations);
        LogDeleted(logger, deleted.PersonId, deleted.WorkspaceId, logEntries, deliveries, challengeEntries, teamsConversations);
        return deleted;
    }

    /// <summary>
    /// Their 1:1 conversation references go; in channel and group references they were merely the
    /// last to speak, so only their ids are cleared (the channel itself stays reachable).
    /// </summary>
    private async Task<int> ForgetTeamsConversationsAsync(PersonEntity person, string tenantId, CancellationToken cancellationToken)
    {
        var userId = person.PlatformUserId;
        var personal = await db.TeamsConversations
            .Where(c => c.TenantId == tenantId && c.ConversationType == "personal"
                && (c.AadObjectId == userId || c.UserId == userId || c.ConversationId == person.ConversationId))
            .ExecuteDeleteAsync(cancellationToken);
        var shared = await db.TeamsConversations
            .Where(c => c.TenantId == tenantId && (c.AadObjectId == userId || c.UserId == userId))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UserId, (string?)null).SetProperty(c => c.AadObjectId, (string?)null), cancellationToken);
        return personal + shared;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Deleted person {PersonId} of workspace {WorkspaceId} at their request: {LogEntries} log entries, {Deliveries} deliveries, {ChallengeEntries} challenge entries, {TeamsConversations} Teams conversation references")]
    private static partial void LogDeleted(ILogger logger, Guid personId, Guid workspaceId, int logEntries, int deliveries, int challengeEntries, int teamsConversations);
}
