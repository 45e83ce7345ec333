using System.Text.Json;
using MicroMove.Bot.Chat;
using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Teams for the conversation features: a tenant is a workspace, a user a person (by Entra object id).
/// Installs get a welcome (personal) or a hello (team, group chat); typed text, @mentions and
/// Action.Submit fallbacks go to <see cref="Conversations"/> and the answers are posted as Adaptive
/// Cards; Action.Execute invokes are answered with the refreshed card.
/// </summary>
internal sealed class TeamsConversationHandler(
    MicroMoveDbContext db,
    People people,
    Conversations conversations,
    InstantSets instantSets,
    ChallengeCommands challenges,
    ConnectorClient connector,
    ChatGateways gateways,
    TimeZones zones,
    TimeProvider clock,
    ILogger<TeamsConversationHandler> logger) : ITeamsActivityHandler
{
    public const string PersonalConversation = "personal";
    public const string UninstalledReason = "uninstalled";
    public const string SentToPersonalChat = "Sent to you in our 1:1 chat ✓";
    public const string AskInPersonalChat = "For your privacy I answer that only in our 1:1 chat: open MicroMove under Apps in Teams and type it there.";
    private const string DefaultDisplayName = "Teams user";

    public async Task<InvokeResult> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.Name != ActivityTypes.AdaptiveCardActionInvoke)
        {
            return InvokeResult.NotImplemented;
        }

        if (activity.Value is not { } value)
        {
            return NotOurs("Missing value property");
        }

        var parsed = TeamsActionValue.ParseInvoke(value);
        if (!parsed.IsOurs)
        {
            return NotOurs(parsed.NotOursReason);
        }

        if (DataRequests.IsDeletionAnswer(parsed.Action.Kind))
        {
            // Never through PersonOfAsync: a presser who is already deleted must not be created again.
            var answer = await AnswerDeletionAsync(activity, parsed.Action, cancellationToken);
            return answer is null ? NotOurs("The action carries no tenant or user.") : Invoked(answer);
        }

        if (PresserOf(activity) is { } presser && await conversations.TryDoneAsync(presser, parsed.Action, cancellationToken) is { } done)
        {
            return Invoked(done);
        }

        var person = await PersonOfAsync(activity, cancellationToken);
        if (person is null)
        {
            return NotOurs("The action carries no tenant or user.");
        }

        // Idempotent below: a retried invoke finds the same log entry and gets the same card.
        return Invoked(await conversations.HandleActionAsync(person, parsed.Action, cancellationToken));
    }

    /// <summary>The invoke response: the refreshed card when the reply changes it, else its messages as a transient note.</summary>
    private static InvokeResult Invoked(ConversationReply reply)
    {
        if (reply.Update is { } update)
        {
            return InvokeResult.Card(AdaptiveCardRenderer.Render(update.Message));
        }

        return reply.Messages.Count > 0
            ? InvokeResult.Message(string.Join(" ", reply.Messages.Select(m => m.FallbackText)))
            : InvokeResult.Ignored;
    }

    /// <summary>"Delete my data" / "Keep my data" by the activity's user, found but never created; null without a tenant or user.</summary>
    private async Task<ConversationReply?> AnswerDeletionAsync(TeamsActivity activity, ParsedAction answer, CancellationToken cancellationToken)
    {
        if (activity.TenantId is not { Length: > 0 } tenantId || UserIdOf(activity) is not { } userId)
        {
            return null;
        }

        var workspace = await db.Workspaces.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Platform == ChatPlatform.Teams && w.ExternalId == tenantId, cancellationToken);
        return workspace is null
            ? ConversationReply.Say(new NoticeMessage(DataRequests.AlreadyDeleted))
            : await conversations.AnswerDeletionAsync(workspace.Id, userId, answer, string.Empty, cancellationToken);
    }

    public async Task HandleActivityAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await InstalledAsync(activity, cancellationToken);
                break;
            case ActivityTypes.InstallationUpdate when activity.Action is "remove" or "remove-upgrade":
                await RemovedAsync(activity, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(activity.IsBot) == true:
                await InstalledAsync(activity, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when activity.MembersRemoved?.Any(activity.IsBot) == true:
                await RemovedAsync(activity, cancellationToken);
                break;
            case ActivityTypes.Message:
                await MessageAsync(activity, cancellationToken);
                break;
            default:
                TeamsLog.Ignored(logger, activity.Type, activity.Id);
                break;
        }
    }

    private InvokeResult NotOurs(string reason)
    {
        TeamsLog.ActionNotOurs(logger, reason);
        return InvokeResult.Error(StatusCodes.Status400BadRequest, "BadRequest", reason);
    }

    private async Task InstalledAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (ConversationReference.From(activity) is not { } conversation || activity.TenantId is not { Length: > 0 } tenantId)
        {
            TeamsLog.Incomplete(logger, activity.Id, activity.Type, "a conversation, service URL or tenant");
            return;
        }

        var scope = activity.Conversation?.ConversationType ?? (IsPersonal(activity) ? PersonalConversation : "channel");
        if (!IsPersonal(activity))
        {
            // The channel's reference is already remembered by the endpoint; greet once per conversation.
            await EnsureWorkspaceAsync(tenantId, cancellationToken);
            if (await FirstTimeAsync(HelloKey(conversation.ConversationId), cancellationToken))
            {
                TeamsLog.Installed(logger, scope, tenantId);
                await SendAsync(conversation, TeamsWelcome.Hello(), null, cancellationToken);
            }

            return;
        }

        var before = await ExistingPersonAsync(activity, tenantId, cancellationToken);
        var person = await PersonOfAsync(activity, cancellationToken);
        if (person is null)
        {
            TeamsLog.Incomplete(logger, activity.Id, activity.Type, "the user");
            return;
        }

        // installationUpdate and conversationUpdate both arrive for one install: welcome once.
        var alreadyWelcomed = before is { Active: true } && before.ConversationId == conversation.ConversationId;
        if (alreadyWelcomed)
        {
            return;
        }

        TeamsLog.Installed(logger, scope, tenantId);
        var zoneKnown = activity.ClientTimezone is { } zone && zones.TryFind(zone, out _);
        await SendAsync(conversation, TeamsWelcome.For(person.ToWorkSchedule(), zoneKnown), null, cancellationToken);
        var (set, prompt) = await instantSets.CreateAsync(person, null, null, cancellationToken);
        await SendAsync(conversation, prompt, null, cancellationToken, set.Id);
    }

    private async Task RemovedAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.TenantId is not { Length: > 0 } tenantId || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            TeamsLog.Incomplete(logger, activity.Id, activity.Type, "a conversation or tenant");
            return;
        }

        var workspace = await db.Workspaces.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Platform == ChatPlatform.Teams && w.ExternalId == tenantId, cancellationToken);
        var scope = activity.Conversation.ConversationType ?? (IsPersonal(activity) ? PersonalConversation : "channel");
        if (!IsPersonal(activity))
        {
            // A later install in this conversation is greeted again.
            var key = HelloKey(conversationId);
            await db.ProcessedInboundEvents.Where(e => e.Platform == ChatPlatform.Teams && e.EventId == key).ExecuteDeleteAsync(cancellationToken);
            TeamsLog.Removed(logger, scope, tenantId, 0);
            return;
        }

        var stopped = 0;
        if (workspace is not null)
        {
            var userId = UserIdOf(activity);
            stopped = await db.People
                .Where(p => p.WorkspaceId == workspace.Id && (p.ConversationId == conversationId || (userId != null && p.PlatformUserId == userId)))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false).SetProperty(p => p.UnreachableReason, UninstalledReason), cancellationToken);
        }

        TeamsLog.Removed(logger, scope, tenantId, stopped);
    }

    private async Task MessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (ConversationReference.From(activity) is not { } conversation)
        {
            TeamsLog.Incomplete(logger, activity.Id, activity.Type, "a conversation or service URL");
            return;
        }

        var replyTo = IsPersonal(activity) ? null : activity.Id;
        if (activity.Value is { ValueKind: JsonValueKind.Object } submitted
            && TeamsActionValue.ParseSubmit(submitted) is { IsOurs: true } deletionAnswer
            && DataRequests.IsDeletionAnswer(deletionAnswer.Action.Kind))
        {
            // The Action.Submit fallback of a delete confirmation: like the invoke, never creates the presser.
            var answer = await AnswerDeletionAsync(activity, deletionAnswer.Action, cancellationToken) ?? ConversationReply.Nothing;
            var cardRef = activity.ReplyToId is { Length: > 0 } cardId ? MessageRef(conversation.ConversationId, cardId) : null;
            await PostAsync(conversation, answer, replyTo, cardRef, cancellationToken);
            return;
        }

        var person = await PersonOfAsync(activity, cancellationToken);
        if (person is null)
        {
            TeamsLog.Incomplete(logger, activity.Id, activity.Type, "a tenant or user");
            return;
        }

        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            var parsed = TeamsActionValue.ParseSubmit(value);
            if (parsed.IsOurs)
            {
                var answer = await conversations.HandleActionAsync(person, parsed.Action, cancellationToken);
                // Action.Submit: the card's own message is the one the action came from.
                var cardRef = activity.ReplyToId is { Length: > 0 } cardId ? MessageRef(conversation.ConversationId, cardId) : null;
                await PostAsync(conversation, answer, replyTo, cardRef, cancellationToken);
                return;
            }

            if (string.IsNullOrWhiteSpace(activity.Text))
            {
                TeamsLog.ActionNotOurs(logger, parsed.NotOursReason);
                return;
            }
        }

        var text = IsPersonal(activity) ? (activity.Text ?? string.Empty).Trim() : activity.TextWithoutBotMention;
        // A team channel's challenge belongs to the channel, not to the thread the mention was typed in.
        var channel = IsPersonal(activity) ? null : new ChatChannel(ChannelOf(conversation.ConversationId), true, conversation.ServiceUrl);
        var reply = await conversations.HandleTextAsync(person, text, string.Empty, channel, cancellationToken);
        if (!IsPersonal(activity) && reply.Messages.Any(IsPrivate))
        {
            reply = reply with { Messages = [.. await MoveToPersonalChatAsync(person, activity, reply.Messages, cancellationToken)] };
        }

        await PostAsync(conversation, reply, replyTo, null, cancellationToken);
    }

    /// <summary>An export link or a delete confirmation: for the person's eyes (and hands) only.</summary>
    private static bool IsPrivate(BotMessage message) => message is DataExportMessage or DeleteConfirmationMessage;

    /// <summary>
    /// Asked in a channel or group chat: the private answers go to the person's 1:1 chat with the bot
    /// (created if need be) and the thread only hears where they went — or, when the 1:1 chat can't be
    /// reached, how to ask there.
    /// </summary>
    private async Task<List<BotMessage>> MoveToPersonalChatAsync(
        PersonEntity person, TeamsActivity activity, IReadOnlyList<BotMessage> messages, CancellationToken cancellationToken)
    {
        var shared = new List<BotMessage>();
        var moved = true;
        foreach (var message in messages)
        {
            if (!IsPrivate(message))
            {
                shared.Add(message);
                continue;
            }

            moved &= gateways.TryGet(ChatPlatform.Teams, out var gateway)
                && activity.TenantId is { Length: > 0 } tenantId
                && await gateway.SendAsync(
                    new ChatAddress(ChatPlatform.Teams, person.WorkspaceId, tenantId, person.Id, person.PlatformUserId, person.ConversationId, person.ServiceUrl ?? activity.ServiceUrl),
                    message,
                    cancellationToken) is SendOutcome.Sent;
        }

        shared.Add(moved
            ? new NoticeMessage(SentToPersonalChat)
            : new NoticeMessage(AskInPersonalChat, IsCorrection: true));
        return shared;
    }

    /// <summary>Posts the reply's messages and applies its update (to its own reference, else <paramref name="fallbackRef"/>).</summary>
    private async Task PostAsync(ConversationReference conversation, ConversationReply reply, string? replyTo, string? fallbackRef, CancellationToken cancellationToken)
    {
        foreach (var message in reply.Messages)
        {
            var instantSet = message is MovementPromptMessage { IsInstant: true } prompt && Guid.TryParseExact(prompt.Reference, "N", out var id) ? id : (Guid?)null;
            var postedId = await SendAsync(conversation, message, replyTo, cancellationToken, instantSet);
            if (message is ChallengeCardMessage card && postedId is not null)
            {
                await challenges.RecordCardAsync(card.Reference, MessageRef(conversation.ConversationId, postedId), cancellationToken);
            }
        }

        if (reply.Update is not { } update)
        {
            return;
        }

        if ((update.MessageRef ?? fallbackRef) is { } messageRef && TrySplit(messageRef, out var conversationId, out var activityId))
        {
            var target = conversation with { ConversationId = conversationId };
            var result = await connector.UpdateAsync(target, activityId, Outbound(update.Message), cancellationToken);
            if (!result.Succeeded)
            {
                TeamsLog.ReplyFailed(logger, "update", result.ToString());
            }

            return;
        }

        // Nothing to change in place (the message was never recorded): show the new state instead.
        await SendAsync(conversation, update.Message, replyTo, cancellationToken);
    }

    /// <summary>Sends (or replies with) one message; returns the posted activity's id when Teams accepted it.</summary>
    private async Task<string?> SendAsync(ConversationReference conversation, BotMessage message, string? replyTo, CancellationToken cancellationToken, Guid? instantSetId = null)
    {
        var activity = Outbound(message);
        var result = replyTo is null
            ? await connector.SendAsync(conversation, activity, cancellationToken)
            : await connector.ReplyAsync(conversation, replyTo, activity, cancellationToken);
        if (result is not ConnectorSuccess success)
        {
            TeamsLog.ReplyFailed(logger, replyTo is null ? "send" : "reply", result.ToString());
            return null;
        }

        if (instantSetId is { } setId && success.Id is { Length: > 0 } activityId)
        {
            await instantSets.RecordMessageRefAsync(setId, MessageRef(conversation.ConversationId, activityId), cancellationToken);
        }

        return success.Id is { Length: > 0 } id ? id : null;
    }

    /// <summary>A channel thread's conversation id without its <c>;messageid=</c> suffix: the channel itself.</summary>
    public static string ChannelOf(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? conversationId[..thread] : conversationId;
    }

    /// <summary>The message as an Adaptive Card (its fallback text as the notification summary), or as text when the card is too large.</summary>
    private OutboundActivity Outbound(BotMessage message)
    {
        var card = AdaptiveCardRenderer.Render(message);
        var size = TeamsCardEnvelope.SizeInBytes(card);
        if (size > TeamsCardEnvelope.MaxCardBytes)
        {
            TeamsLog.CardTooLarge(logger, size);
            return OutboundActivity.FromText(message.FallbackText);
        }

        return OutboundActivity.FromCard(card, Summary(message.FallbackText));
    }

    /// <summary>The person behind an activity, created on first contact; their 1:1 conversation kept current.</summary>
    private async Task<PersonEntity?> PersonOfAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.TenantId is not { Length: > 0 } tenantId || UserIdOf(activity) is not { } userId)
        {
            return null;
        }

        // Almost always someone known in an active tenant: one query; otherwise create or reactivate.
        var person = await KnownPersonQuery(db, tenantId, userId, cancellationToken);
        if (person is null)
        {
            var workspace = await EnsureWorkspaceAsync(tenantId, cancellationToken);
            var name = activity.From?.Name is { Length: > 0 } fromName ? fromName : DefaultDisplayName;
            (person, _) = await people.EnsureAsync(workspace, userId, name, activity.ClientTimezone, cancellationToken);
        }

        if (IsPersonal(activity) && activity.Conversation?.Id is { Length: > 0 } conversationId && activity.ServiceUrl is { Length: > 0 } serviceUrl
            && (person.ConversationId != conversationId || person.ServiceUrl != serviceUrl || !person.Active || person.UnreachableReason is not null))
        {
            // Writing to the bot again (or reinstalling it) makes the person reachable again.
            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.ConversationId, conversationId)
                    .SetProperty(p => p.ServiceUrl, serviceUrl)
                    .SetProperty(p => p.Active, true)
                    .SetProperty(p => p.UnreachableReason, (string?)null),
                cancellationToken);
            person.ConversationId = conversationId;
            person.ServiceUrl = serviceUrl;
            person.Active = true;
            person.UnreachableReason = null;
        }

        return person;
    }

    /// <summary>The person with this Teams user id in the tenant's workspace, when both exist and the workspace is active.</summary>
    private static readonly Func<MicroMoveDbContext, string, string, CancellationToken, Task<PersonEntity?>> KnownPersonQuery =
        EF.CompileAsyncQuery((MicroMoveDbContext db, string tenantId, string userId, CancellationToken _) =>
            db.People.AsNoTracking().SingleOrDefault(p => p.PlatformUserId == userId
                && p.Workspace!.Platform == ChatPlatform.Teams && p.Workspace.ExternalId == tenantId && p.Workspace.Active));

    private async Task<PersonEntity?> ExistingPersonAsync(TeamsActivity activity, string tenantId, CancellationToken cancellationToken)
    {
        if (UserIdOf(activity) is not { } userId)
        {
            return null;
        }

        var workspace = await db.Workspaces.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Platform == ChatPlatform.Teams && w.ExternalId == tenantId, cancellationToken);
        return workspace is null ? null : await people.FindAsync(workspace.Id, userId, cancellationToken);
    }

    /// <summary>The tenant's workspace: created on its first activity, reactivated if it was switched off.</summary>
    private async Task<Guid> EnsureWorkspaceAsync(string tenantId, CancellationToken cancellationToken)
    {
        var existing = await db.Workspaces.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Platform == ChatPlatform.Teams && w.ExternalId == tenantId, cancellationToken);
        if (existing is not null)
        {
            if (!existing.Active)
            {
                await db.Workspaces.Where(w => w.Id == existing.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(w => w.Active, true).SetProperty(w => w.DeactivatedAt, (DateTimeOffset?)null), cancellationToken);
            }

            return existing.Id;
        }

        var workspace = new WorkspaceEntity
        {
            Platform = ChatPlatform.Teams,
            ExternalId = tenantId,
            Name = $"Teams tenant {tenantId}",
            Active = true,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Workspaces.Add(workspace);
        if (await db.SaveUnlessDuplicateAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            TeamsLog.WorkspaceCreated(logger, tenantId, workspace.Id);
            return workspace.Id;
        }

        // Another activity of the same tenant created it first.
        return await db.Workspaces.AsNoTracking()
            .Where(w => w.Platform == ChatPlatform.Teams && w.ExternalId == tenantId)
            .Select(w => w.Id)
            .SingleAsync(cancellationToken);
    }

    /// <summary>True the first time <paramref name="key"/> is recorded (kept with the processed inbound events).</summary>
    private async Task<bool> FirstTimeAsync(string key, CancellationToken cancellationToken)
    {
        db.ProcessedInboundEvents.Add(new ProcessedInboundEventEntity { Platform = ChatPlatform.Teams, EventId = key, ReceivedAt = clock.GetUtcNow() });
        var first = await db.SaveUnlessDuplicateAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return first;
    }

    private static string HelloKey(string conversationId) =>
        "hello|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(conversationId)));

    /// <summary>Who pressed a button in a personal chat, as found without loading their person; null elsewhere.</summary>
    private static ChatPresser? PresserOf(TeamsActivity activity) =>
        IsPersonal(activity) && activity.TenantId is { Length: > 0 } tenantId && UserIdOf(activity) is { } userId
            && activity.Conversation?.Id is { Length: > 0 } conversationId && activity.ServiceUrl is { Length: > 0 } serviceUrl
            ? new ChatPresser(ChatPlatform.Teams, tenantId, userId, conversationId, serviceUrl)
            : null;

    private static string? UserIdOf(TeamsActivity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id is { Length: > 0 } id ? id : null;

    private static bool IsPersonal(TeamsActivity activity) =>
        activity.Conversation?.ConversationType is { } type
            ? string.Equals(type, PersonalConversation, StringComparison.OrdinalIgnoreCase)
            : activity.Conversation?.IsGroup != true && activity.Conversation?.Id?.StartsWith("a:", StringComparison.Ordinal) == true;

    /// <summary>How a posted Teams message is referred to later: <c>{conversationId}|{activityId}</c>.</summary>
    public static string MessageRef(string conversationId, string activityId) => $"{conversationId}|{activityId}";

    public static bool TrySplit(string messageRef, out string conversationId, out string activityId)
    {
        var separator = messageRef.LastIndexOf('|');
        conversationId = separator > 0 ? messageRef[..separator] : string.Empty;
        activityId = separator > 0 ? messageRef[(separator + 1)..] : string.Empty;
        return conversationId.Length > 0 && activityId.Length > 0;
    }

    private static string Summary(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
