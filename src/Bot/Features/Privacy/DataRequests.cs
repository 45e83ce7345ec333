using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// A person's requests about their own data, platform-neutral: <c>export</c> answers a private,
/// expiring download link; <c>delete-my-data</c> asks first, and the answer to that question deletes
/// (or keeps) everything. A press on a confirmation is only ever about the presser: someone else's
/// confirmation deletes nothing, and a person who is already gone is never created again by it.
/// </summary>
internal sealed partial class DataRequests(
    MicroMoveDbContext db,
    ExportLinks links,
    PersonDeletion deletion,
    TimeZones zones,
    ILogger<DataRequests> logger)
{
    public const string Deleted = "Your MicroMove data is deleted. No more prompts will come. If you write to me again, I'll start afresh as if we'd never met.";
    public const string Kept = "Nothing was deleted. Your MicroMove data is as it was.";
    public const string AlreadyDeleted = "Your MicroMove data is already deleted — there's nothing left to delete.";

    public static bool IsDeletionAnswer(ActionKind kind) => kind is ActionKind.DeleteMyData or ActionKind.KeepMyData;

    public async Task<DataExportMessage> ExportAsync(PersonEntity person, CancellationToken cancellationToken)
    {
        var sets = await db.LogEntries.Where(e => e.PersonId == person.Id)
            .GroupBy(e => e.PersonId)
            .Select(g => new { Count = g.Count(), First = g.Min(e => e.DoneAt) })
            .SingleOrDefaultAsync(cancellationToken);
        var zone = zones.TryFind(person.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var firstDay = sets is null ? (DateOnly?)null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sets.First, zone).DateTime);
        LogExportLink(logger, person.Id, person.WorkspaceId);
        return new DataExportMessage(links.UrlFor(person.Id), ExportLinks.Lifetime, DataExportMessage.Summarise(sets?.Count ?? 0, firstDay));
    }

    public async Task<DeleteConfirmationMessage> AskToDeleteAsync(PersonEntity person, CancellationToken cancellationToken)
    {
        var sets = await db.LogEntries.CountAsync(e => e.PersonId == person.Id, cancellationToken);
        var prompts = await db.PromptDeliveries.CountAsync(d => d.PersonId == person.Id, cancellationToken);
        var challenges = await db.ChallengeParticipants.CountAsync(p => p.PersonId == person.Id, cancellationToken);
        var reference = DeletionReference.For(person.Id, person.WorkspaceId, person.PlatformUserId);
        return DeleteConfirmationMessage.For(reference, sets, prompts, challenges);
    }

    /// <summary>
    /// "Delete my data" or "Keep my data" pressed by <paramref name="platformUserId"/> of the workspace.
    /// The answer replaces the confirmation in place, except when the confirmation is someone else's:
    /// then only the presser is told, and their own data stays too.
    /// </summary>
    public async Task<ConversationReply> AnswerAsync(
        Guid workspaceId, string platformUserId, ParsedAction action, string commandPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!DeletionReference.TryParse(action.Reference, out var ownerId, out var ownerTag)
            || !DeletionReference.IsOwner(ownerTag, workspaceId, platformUserId))
        {
            LogNotTheirs(logger, workspaceId);
            return ConversationReply.Say(new NoticeMessage(
                $"That confirmation isn't yours, so nothing was deleted. To delete your own data, type {commandPrefix}delete-my-data.", IsCorrection: true));
        }

        var person = await db.People.AsNoTracking()
            .SingleOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.PlatformUserId == platformUserId, cancellationToken);
        if (action.Kind == ActionKind.KeepMyData)
        {
            return Replace(person is null ? AlreadyDeleted : Kept);
        }

        if (person is null)
        {
            return Replace(AlreadyDeleted);
        }

        if (person.Id != ownerId)
        {
            // Deleted once already, then back: this old confirmation must not take what came since.
            return Replace($"This confirmation is from before your data was last deleted, so nothing was deleted now. Type {commandPrefix}delete-my-data to delete what's been recorded since.");
        }

        return Replace(await deletion.DeleteAsync(person.Id, cancellationToken) is null ? AlreadyDeleted : Deleted);
    }

    private static ConversationReply Replace(string text) => new([], new MessageUpdate(null, new NoticeMessage(text)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Data export link issued for person {PersonId} of workspace {WorkspaceId}")]
    private static partial void LogExportLink(ILogger logger, Guid personId, Guid workspaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delete confirmation was answered by someone other than its owner in workspace {WorkspaceId}; nothing deleted")]
    private static partial void LogNotTheirs(ILogger logger, Guid workspaceId);
}
