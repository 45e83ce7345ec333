using MicroMove.Bot.Chat;
using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// Sends one claimed delivery through its person's gateway and records the outcome — but
/// only while the claim is still ours (same attempt, still claimed or sending), so a reclaimed row is
/// never finished twice. Just before the platform call the row becomes "sending": what may have
/// reached the platform is never sent again, not even after this node dies.
/// </summary>
internal sealed partial class DeliverySender(
    MicroMoveDbContext db,
    ChatGateways gateways,
    WeeklySummaryBuilder summaries,
    ChallengeDeliveries challenges,
    DeliveryMarks marks,
    TimeProvider clock,
    DeliveryMetrics metrics,
    IOptions<PromptOptions> options,
    ILogger<DeliverySender> logger)
{
    /// <summary>Sends the claimed delivery; <paramref name="prepared"/> is its row (and summary) as read with its batch, otherwise both are read here.</summary>
    public async Task SendAsync(DeliveryClaim claim, PreparedDelivery? prepared, CancellationToken cancellationToken)
    {
        var delivery = prepared?.Delivery ?? await db.PromptDeliveries
            .AsNoTracking()
            .Include(d => d.Person)
            .ThenInclude(p => p!.Workspace)
            .SingleOrDefaultAsync(d => d.Id == claim.Id, cancellationToken);
        if (delivery is { ChallengeId: not null })
        {
            await SendToChannelAsync(claim, delivery, cancellationToken);
            return;
        }

        if (delivery?.Person is not { Workspace: { } workspace } person)
        {
            return;
        }

        if (!person.Active || !workspace.Active || person.UnreachableReason is not null)
        {
            await FailAsync(claim, "recipient no longer active or reachable", cancellationToken);
            return;
        }

        if (!gateways.TryGet(workspace.Platform, out var gateway))
        {
            await FailAsync(claim, $"no chat gateway for {workspace.Platform} on this node", cancellationToken);
            return;
        }

        var message = prepared?.Summary ?? await MessageOfAsync(delivery, person, cancellationToken);
        if (message is null)
        {
            await FailAsync(claim, "the weekly summary cannot be built (unknown time zone or week)", cancellationToken);
            return;
        }

        var address = new ChatAddress(workspace.Platform, workspace.Id, workspace.ExternalId, person.Id, person.PlatformUserId, person.ConversationId, person.ServiceUrl);
        var sending = new SendingMark(marks, claim);
        var outcome = await SendThroughAsync(gateway, address, message, sending, claim, cancellationToken);
        if (sending.Lost)
        {
            LogLostLease(logger, claim.Id);
            return;
        }

        await RecordAsync(claim, delivery, person, outcome, cancellationToken);
    }

    /// <summary>A challenge's board or results, to its channel: no person to mark, the posted card remembered as the channel's latest.</summary>
    private async Task SendToChannelAsync(DeliveryClaim claim, PromptDeliveryEntity delivery, CancellationToken cancellationToken)
    {
        var prepared = await challenges.PrepareAsync(delivery, cancellationToken);
        if (prepared is not { Address: { } address, Message: { } message })
        {
            await FailAsync(claim, prepared.Problem ?? "nothing to send", cancellationToken);
            return;
        }

        if (!gateways.TryGet(address.Platform, out var gateway))
        {
            await FailAsync(claim, $"no chat gateway for {address.Platform} on this node", cancellationToken);
            return;
        }

        var sending = new SendingMark(marks, claim);
        var outcome = await SendThroughAsync(gateway, address, message, sending, claim, cancellationToken);
        if (sending.Lost)
        {
            LogLostLease(logger, claim.Id);
            return;
        }

        await RecordAsync(claim, delivery, person: null, outcome, cancellationToken);
        if (outcome is SendOutcome.Sent sent)
        {
            await challenges.RecordPostedAsync(prepared.ChallengeId, sent.MessageRef, cancellationToken);
        }
    }

    /// <summary>
    /// The gateway's send, with the row marked "sending" at the gateway's checkpoint (after its rate-limit waits,
    /// right before the post). A gateway that throws before that point has posted nothing: retried later.
    /// </summary>
    private async Task<SendOutcome> SendThroughAsync(
        IChatGateway gateway, ChatAddress address, BotMessage message, SendingMark sending, DeliveryClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await gateway.SendAsync(address, message, sending.BeginAsync, cancellationToken);
            if (outcome is SendOutcome.Sent && !sending.Begun)
            {
                // A gateway that posted without calling the checkpoint: mark now, so the outcome is recorded.
                await sending.BeginAsync(cancellationToken);
            }

            return outcome;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendCrashed(logger, exception, claim.Id);

            // Once marked, we cannot tell whether the platform got it: do not risk a second copy.
            return sending.Begun
                ? new SendOutcome.Uncertain(exception.GetType().Name)
                : new SendOutcome.RetryLater(null, $"failed before posting: {exception.GetType().Name}");
        }
    }

    /// <summary>One send's "sending" mark: set at most once, at the gateway's checkpoint; <see cref="Lost"/> when the claim was no longer ours.</summary>
    private sealed class SendingMark(DeliveryMarks marks, DeliveryClaim claim)
    {
        public bool Begun { get; private set; }

        public bool Lost { get; private set; }

        public async Task<bool> BeginAsync(CancellationToken cancellationToken)
        {
            if (!Begun && !Lost)
            {
                // Not cancelled half-way: a mark asked for is written with its group.
                Begun = await marks.BeginSendingAsync(claim);
                Lost = !Begun;
            }

            return Begun;
        }
    }

    /// <summary>What the delivery carries: the planned set, or the week's summary computed now from the log.</summary>
    private async Task<BotMessage?> MessageOfAsync(PromptDeliveryEntity delivery, PersonEntity person, CancellationToken cancellationToken) =>
        delivery.Kind == DeliveryKind.WeeklySummary
            ? await summaries.ForDeliveryAsync(delivery, person, cancellationToken)
            : PromptMessages.For(delivery);

    private async Task RecordAsync(DeliveryClaim claim, PromptDeliveryEntity delivery, PersonEntity? person, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                if (!await marks.RecordSentAsync(claim, now, sent.MessageRef))
                {
                    LogLostLease(logger, claim.Id);
                }

                if (person is not null && sent.ConversationId is { } conversation && conversation != person.ConversationId)
                {
                    await db.People.Where(p => p.Id == person.Id)
                        .ExecuteUpdateAsync(set => set.SetProperty(p => p.ConversationId, conversation), cancellationToken);
                }

                metrics.Sent.Add(1);
                metrics.Lag.Record((now - delivery.DueAt).TotalSeconds);
                break;

            case SendOutcome.RetryLater retry:
                if (retry.After is not null)
                {
                    metrics.RateLimited.Add(1);
                }

                if (claim.Attempts >= options.Value.MaxAttempts)
                {
                    await FailAsync(claim, $"gave up after {claim.Attempts} attempts: {retry.Reason}", cancellationToken);
                    break;
                }

                var notBefore = now + (retry.After ?? Backoff(claim));
                await Ours(claim).ExecuteUpdateAsync(
                    set => set.SetProperty(d => d.Status, DeliveryStatus.Pending)
                        .SetProperty(d => d.NotBefore, notBefore)
                        .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.LastError, retry.Reason),
                    cancellationToken);
                break;

            case SendOutcome.Uncertain uncertain:
                await FailAsync(claim, $"not retried, the platform may have posted it: {uncertain.Reason}", cancellationToken);
                break;

            case SendOutcome.RecipientUnreachable unreachable:
                await FailAsync(claim, $"recipient unreachable: {unreachable.Reason}", cancellationToken);
                if (person is null)
                {
                    // A channel the bot was removed from (or never invited to): only this post fails.
                    break;
                }

                await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(
                    set => set.SetProperty(p => p.UnreachableReason, unreachable.Reason)
                        .SetProperty(p => p.NextPromptAt, (DateTimeOffset?)null)
                        .SetProperty(p => p.NextSummaryAt, (DateTimeOffset?)null),
                    cancellationToken);
                break;

            case SendOutcome.WorkspaceGone gone:
                await FailAsync(claim, $"workspace gone: {gone.Reason}", cancellationToken);
                await db.Workspaces.Where(w => w.Id == delivery.WorkspaceId).ExecuteUpdateAsync(
                    set => set.SetProperty(w => w.Active, false).SetProperty(w => w.DeactivatedAt, now),
                    cancellationToken);
                break;
        }
    }

    private async Task FailAsync(DeliveryClaim claim, string reason, CancellationToken cancellationToken)
    {
        await Ours(claim).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LastError, reason),
            cancellationToken);
        metrics.Failed.Add(1);
        LogFailed(logger, claim.Id, reason);
    }

    /// <summary>The row while this claim holds it: claimed or sending, at the claim's attempt.</summary>
    private IQueryable<PromptDeliveryEntity> Ours(DeliveryClaim claim) =>
        db.PromptDeliveries.Where(d => d.Id == claim.Id
            && (d.Status == DeliveryStatus.Claimed || d.Status == DeliveryStatus.Sending)
            && d.Attempts == claim.Attempts);


    /// <summary>
    /// 5 s, 20 s, 80 s, … with ±20 % jitter taken from the delivery id, so deliveries that failed
    /// together do not all come back at the same instant.
    /// </summary>
    private static TimeSpan Backoff(DeliveryClaim claim)
    {
        var jitter = 0.8 + (0.4 * ((claim.Id.GetHashCode() & 0xFFFF) / 65535.0));
        return TimeSpan.FromSeconds(5 * Math.Pow(4, claim.Attempts - 1) * jitter);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: sending threw")]
    private static partial void LogSendCrashed(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was sent after its lease ran out; another node may have claimed it")]
    private static partial void LogLostLease(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string reason);
}
