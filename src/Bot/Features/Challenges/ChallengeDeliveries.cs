using MicroMove.Bot.Chat;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Challenges;

/// <summary>
/// What a challenge delivery sends and where: the board (or the results) computed when it is sent,
/// counted up to the update's due time, to the challenge's channel. A channel has no person: the
/// address carries the channel as its conversation and no person id.
/// </summary>
internal sealed class ChallengeDeliveries(MicroMoveDbContext db, ChallengeBoard board)
{
    public async Task<ChallengeSend> PrepareAsync(PromptDeliveryEntity delivery, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking()
            .Include(c => c.Workspace)
            .SingleOrDefaultAsync(c => c.Id == delivery.ChallengeId, cancellationToken);
        if (challenge?.Workspace is not { } workspace)
        {
            return ChallengeSend.Fail("the challenge is gone");
        }

        if (!workspace.Active)
        {
            return ChallengeSend.Fail("workspace no longer active");
        }

        var results = delivery.Kind == DeliveryKind.ChallengeResults;
        if (!results && challenge.EndedAt is { } endedAt && endedAt <= delivery.DueAt)
        {
            // Ended early by its starter: the results were posted then; a later daily board would repeat them.
            return ChallengeSend.Fail("the challenge ended before this update");
        }

        var note = results
            ? "That's a wrap — thank you for moving together! Keep the habit going with your own prompts."
            : "End of the day's board. Sets count on your own work days in your own time zone; join any time.";
        var card = await board.CardAsync(challenge, delivery.DueAt, note, cancellationToken, final: results);
        var address = new ChatAddress(
            workspace.Platform, workspace.Id, workspace.ExternalId, Guid.Empty, string.Empty, challenge.ChannelId, challenge.ServiceUrl);
        return new ChallengeSend(address, card, challenge.Id, null);
    }

    /// <summary>The card just posted is the channel's latest: typed joins refresh that one.</summary>
    public Task RecordPostedAsync(Guid challengeId, string messageRef, CancellationToken cancellationToken) =>
        db.Challenges.Where(c => c.Id == challengeId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.CardMessageRef, messageRef), cancellationToken);
}

/// <summary>A challenge delivery ready to send, or the reason it cannot be.</summary>
internal sealed record ChallengeSend(ChatAddress? Address, BotMessage? Message, Guid ChallengeId, string? Problem)
{
    public static ChallengeSend Fail(string problem) => new(null, null, Guid.Empty, problem);
}
