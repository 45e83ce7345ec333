using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Commands;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Slack's side of the conversation: slash commands, DMs, @mentions, buttons, the Home tab and
/// the schedule dialog, translated to <see cref="Conversations"/> and its replies rendered as
/// Block Kit. Instant sets always go to the person's DM, so their buttons live there.
/// </summary>
internal sealed partial class SlackConversationHandler(
    MicroMoveDbContext db,
    SlackWorkspaceTokens tokens,
    SlackPersonCache knownPeople,
    SlackWebApiClient api,
    People people,
    Conversations conversations,
    InstantSets instantSets,
    ChallengeCommands challenges,
    TimeZones zones,
    TimeProvider clock,
    ILogger<SlackConversationHandler> logger) : ISlackInboundHandler
{
    public const string CommandPrefix = "/micromove ";
    public const string SentToDm = "Sent to your DM ✓";
    public const string OnItsWay = "On its way to your DM ✓";
    public const string NotSent = "Sorry — something went wrong while sending your set. If it isn't in your DM, try /micromove now again in a minute.";
    public const string NotInstalled = "MicroMove isn't set up for this workspace yet — ask an admin to install it.";
    public const string NotStored = "This set couldn't be saved, so its buttons wouldn't record anything. Type /micromove now for another.";
    public const string InviteMe = "I can't post in this channel yet: invite me with /invite @MicroMove, then type /micromove challenge to show the board here.";
    private const int HomeLogLines = 5;
    private static readonly TimeSpan WithdrawBudget = TimeSpan.FromSeconds(5);

    public async Task HandleEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        switch (slackEvent)
        {
            case SlackDirectMessageEvent message:
                await OnDirectMessageAsync(message, cancellationToken);
                break;
            case SlackAppMentionEvent mention:
                await OnMentionAsync(mention, cancellationToken);
                break;
            case SlackAppHomeOpenedEvent opened:
                await OnHomeOpenedAsync(opened, cancellationToken);
                break;
            default:
                // Uninstall and revocation were handled by the protocol layer already.
                logger.SlackNothingToDo(slackEvent.GetType().Name, slackEvent.Context.TeamId);
                break;
        }
    }

    /// <summary>
    /// Only an instant set is answered in the ack: where it goes is known before any work, so one
    /// response_url call is saved. Everything else needs the person or the database first.
    /// </summary>
    public async Task<SlackCommandAck> AcknowledgeCommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        if (CommandParser.Parse(command.Text.Trim()) is not ChatCommand.Now)
        {
            return SlackCommandAck.Silent;
        }

        // Never promise a set to a workspace that cannot get one: the install hint follows instead.
        if (await tokens.FindInstalledAsync(command.TeamId, command.EnterpriseId, cancellationToken) is null)
        {
            return SlackCommandAck.Silent;
        }

        // Typed in their DM with MicroMove, the set arriving there is the answer.
        return api.KnownDirectMessage(command.TeamId, command.UserId) == command.ChannelId
            ? new SlackCommandAck(null, Answered: true)
            : new SlackCommandAck(OnItsWay, Answered: true);
    }

    public async Task HandleCommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await AnswerCommandAsync(command, cancellationToken);
        }
        catch (Exception exception) when (command.AnsweredInAck && exception is not OperationCanceledException)
        {
            // The ack promised a set: say it may not have come (the failure itself is logged by the worker).
            await TellAsync(command, new NoticeMessage(NotSent, IsCorrection: true), cancellationToken);
            throw;
        }
    }

    private async Task AnswerCommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        var text = command.Text.Trim();
        var parsed = CommandParser.Parse(text);
        // An instant set needs only who the person is (id, zone, DM channel): that may come from the cache.
        var instant = parsed is ChatCommand.Now;
        var caller = await ResolveAsync("command", command.TeamId, command.EnterpriseId, command.UserId, cancellationToken, mayBeCached: instant);
        if (caller is null)
        {
            await RespondAsync(command.ResponseUrl, [new NoticeMessage(NotInstalled, IsCorrection: true)], cancellationToken);
            return;
        }

        if (parsed is ChatCommand.Schedule)
        {
            // trigger_id lives 3 s: open the dialog before anything else.
            await OpenScheduleAsync(caller, command.TriggerId, command.ResponseUrl, cancellationToken);
            await WelcomeIfNewAsync(caller, cancellationToken);
            return;
        }

        await WelcomeIfNewAsync(caller, cancellationToken);
        if (parsed is ChatCommand.Now now)
        {
            await SendInstantSetAsync(command, caller, now, cancellationToken);
            return;
        }

        var channel = new ChatChannel(command.ChannelId, IsSharedChannel(command.ChannelId));
        var reply = await conversations.HandleTextAsync(caller.Person, text, CommandPrefix, channel, cancellationToken);
        if (parsed is ChatCommand.NotUnderstood)
        {
            reply = reply with { Messages = [.. reply.Messages, HelpMessage.For(CommandPrefix)] };
        }

        var answers = new List<BotMessage>();
        foreach (var message in reply.Messages)
        {
            if (message is MovementPromptMessage)
            {
                await PostToDmAsync(caller, message, cancellationToken);
                if (!command.AnsweredInAck)
                {
                    answers.Add(new NoticeMessage(SentToDm));
                }
            }
            else if (message is ChallengeCardMessage card && channel.IsChannel)
            {
                // The board is for the whole channel; a slash command's own answers stay private.
                if (!await PostCardToChannelAsync(caller, command.ChannelId, card, null, cancellationToken))
                {
                    answers.Add(new NoticeMessage(InviteMe, IsCorrection: true));
                }
            }
            else
            {
                answers.Add(message);
            }
        }

        await RespondAsync(command.ResponseUrl, answers, cancellationToken);
        await ApplyUpdateAsync(caller, reply.Update, cancellationToken);
    }

    /// <summary>
    /// <c>/micromove now</c>: the set is planned (its history read in one round trip), posted to the DM and
    /// then stored once, with its message's place — one write instead of an insert and an update. A set whose
    /// post fails is not stored (it was never seen); one that cannot be stored after its post is replaced in
    /// the DM by a note, since its buttons would answer nothing.
    /// </summary>
    private async Task SendInstantSetAsync(SlackCommand command, Caller caller, ChatCommand.Now now, CancellationToken cancellationToken)
    {
        var planned = await instantSets.PlanAsync(caller.Person, now.Focus, now.Routine, cancellationToken);
        if (!planned.PersonExists && caller.Cached)
        {
            // The cached person was deleted meanwhile (delete-my-data on another replica): start afresh, as on first contact.
            knownPeople.Forget(caller.Person.WorkspaceId, command.UserId);
            var fresh = await ResolveAsync("command", command.TeamId, command.EnterpriseId, command.UserId, cancellationToken);
            if (fresh is null)
            {
                await RespondAsync(command.ResponseUrl, [new NoticeMessage(NotInstalled, IsCorrection: true)], cancellationToken);
                return;
            }

            caller = fresh;
            await WelcomeIfNewAsync(caller, cancellationToken);
            planned = await instantSets.PlanAsync(caller.Person, now.Focus, now.Routine, cancellationToken);
        }

        var channel = await api.OpenDirectMessageAsync(caller.Token, caller.Person.PlatformUserId, cancellationToken);
        await RememberDmAsync(caller.Person, channel, cancellationToken);
        var (text, blocks) = Render(planned.Message);
        var posted = await api.PostMessageAsync(caller.Token, channel, text, blocks, null, cancellationToken);
        planned.Set.PlatformMessageRef = MessageRef(posted.Channel, posted.Ts);
        try
        {
            await instantSets.StoreAsync(planned.Set, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or TimeoutException or OperationCanceledException)
        {
            await WithdrawAsync(caller.Token, posted, exception, cancellationToken);
            throw;
        }

        if (!command.AnsweredInAck)
        {
            await RespondAsync(command.ResponseUrl, [new NoticeMessage(SentToDm)], cancellationToken);
        }

        if (!caller.Cached)
        {
            // Kept once the set went out, so the DM channel it was posted to is in the row kept.
            knownPeople.Keep(caller.Person);
        }
    }

    /// <summary>Best effort: replaces a posted set that could not be stored with a note saying so.</summary>
    private async Task WithdrawAsync(SlackBotToken token, SlackPostedMessage posted, Exception cause, CancellationToken cancellationToken)
    {
        logger.SlackInstantSetNotStored(cause, token.TeamId);
        var (text, blocks) = Render(new NoticeMessage(NotStored, IsCorrection: true));
        try
        {
            // Even when the command's own work was cancelled: the buttons left behind would answer nothing.
            using var budget = new CancellationTokenSource(WithdrawBudget, clock);
            await api.UpdateMessageAsync(token, posted.Channel, posted.Ts, text, blocks, WithdrawBudget, budget.Token);
        }
        catch (Exception exception) when (exception is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            logger.SlackUpdateSkipped(token.TeamId, $"unstored set not withdrawn: {exception.GetType().Name}");
        }
    }

    public async Task HandleInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction is not SlackBlockActions actions)
        {
            logger.SlackNothingToDo(interaction.GetType().Name, interaction.Context.TeamId);
            return;
        }

        var ours = new List<ParsedAction>();
        foreach (var action in actions.Actions)
        {
            var parsed = SlackActionValue.Parse(action.ActionId, action.Value ?? action.SelectedOptionValue);
            if (parsed.IsOurs)
            {
                ours.Add(parsed.Action);
            }
            else
            {
                logger.SlackActionNotOurs(action.ActionId, parsed.NotOursReason);
            }
        }

        foreach (var answer in ours.Where(a => DataRequests.IsDeletionAnswer(a.Kind)).ToList())
        {
            // Never through ResolveAsync: a presser who is already deleted must not be created again.
            await AnswerDeletionAsync(actions, answer, cancellationToken);
            ours.Remove(answer);
        }

        if (ours.Count == 0)
        {
            return;
        }

        var context = actions.Context;
        var caller = await ResolveAsync("block_actions", context.TeamId, context.EnterpriseId, context.UserId, cancellationToken);
        if (caller is null)
        {
            return;
        }

        await WelcomeIfNewAsync(caller, cancellationToken);
        var fromHome = actions.Container.Type == "view";
        foreach (var action in ours)
        {
            switch (action.Kind)
            {
                case ActionKind.OpenSettings:
                    await OpenScheduleAsync(caller, context.TriggerId, actions.ResponseUrl, cancellationToken);
                    continue;
                case ActionKind.InstantSet or ActionKind.Pause or ActionKind.Resume:
                    var typed = action.Kind switch
                    {
                        ActionKind.InstantSet => "now",
                        ActionKind.Pause => $"pause {action.Value ?? SlackHomeView.PauseMinutes}m",
                        _ => "resume",
                    };
                    var answer = await conversations.HandleTextAsync(caller.Person, typed, CommandPrefix, cancellationToken);
                    await DeliverActionReplyAsync(caller, actions, answer, cancellationToken);
                    caller = caller with { Person = await people.FindAsync(caller.Person.Id, cancellationToken) ?? caller.Person };
                    break;
                default:
                    if (action.Kind == ActionKind.Done && BeforeRating(actions, action.Reference) is { } before)
                    {
                        await conversations.HandleActionAsync(caller.Person, before, cancellationToken);
                    }

                    var reply = await conversations.HandleActionAsync(caller.Person, action, cancellationToken);
                    await DeliverActionReplyAsync(caller, actions, reply, cancellationToken);
                    break;
            }
        }

        if (fromHome)
        {
            await PublishHomeAsync(caller, cancellationToken);
        }
    }

    public async Task<SlackViewSubmissionResult> HandleViewSubmissionAsync(SlackViewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CallbackId != SlackScheduleModal.CallbackId)
        {
            return SlackViewSubmissionResult.Close;
        }

        var context = submission.Context;
        var workspace = await FindWorkspaceAsync(context.TeamId, context.EnterpriseId, cancellationToken);
        var person = workspace is null ? null : await people.FindAsync(workspace.Id, context.UserId, cancellationToken);
        if (person is null)
        {
            logger.SlackNothingToDo("view_submission for an unknown person", context.TeamId);
            return SlackViewSubmissionResult.Close;
        }

        var (schedule, errors) = SlackScheduleModal.Read(submission.Values, person.ToWorkSchedule(), zones);
        if (schedule is null)
        {
            return SlackViewSubmissionResult.WithErrors(errors);
        }

        await people.SaveScheduleAsync(person.Id, schedule, cancellationToken);
        logger.SlackScheduleSaved(context.UserId, context.TeamId);
        return SlackViewSubmissionResult.Close;
    }

    public async Task HandleInstalledAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        var caller = await ResolveAsync("installation", installation.TeamId, installation.EnterpriseId, installation.InstallerUserId, cancellationToken);
        if (caller is not null)
        {
            // A reinstall greets the installer again: it is the moment they look for the bot.
            await SendWelcomeAsync(caller, cancellationToken);
        }
    }

    private async Task OnDirectMessageAsync(SlackDirectMessageEvent message, CancellationToken cancellationToken)
    {
        var context = message.Context;
        var caller = await ResolveAsync("message.im", context.TeamId, context.EnterpriseId, message.UserId, cancellationToken);
        if (caller is null)
        {
            return;
        }

        await RememberDmAsync(caller.Person, message.ChannelId, cancellationToken);
        await WelcomeIfNewAsync(caller, cancellationToken);
        var text = MentionPattern().Replace(message.Text, string.Empty).Trim();
        if (CommandParser.Parse(text) is ChatCommand.Schedule)
        {
            // No trigger_id in a message event: describe the schedule, with a button that opens the dialog.
            await PostAsync(caller, message.ChannelId, ScheduleEditor.Show(caller.Person), null, cancellationToken);
            return;
        }

        var reply = await conversations.HandleTextAsync(caller.Person, text, CommandPrefix, cancellationToken);
        foreach (var answer in reply.Messages)
        {
            await PostAsync(caller, message.ChannelId, answer, null, cancellationToken);
        }

        await ApplyUpdateAsync(caller, reply.Update, cancellationToken);
    }

    private async Task OnMentionAsync(SlackAppMentionEvent mention, CancellationToken cancellationToken)
    {
        var context = mention.Context;
        var caller = await ResolveAsync("app_mention", context.TeamId, context.EnterpriseId, mention.UserId, cancellationToken);
        if (caller is null)
        {
            return;
        }

        await WelcomeIfNewAsync(caller, cancellationToken);
        var text = MentionPattern().Replace(mention.Text, string.Empty).Trim();
        var thread = mention.ThreadTs ?? mention.Ts;
        var parsed = CommandParser.Parse(text);
        var reply = parsed is ChatCommand.Schedule
            ? ConversationReply.Say(ScheduleEditor.Show(caller.Person))
            : await conversations.HandleTextAsync(caller.Person, text, CommandPrefix, new ChatChannel(mention.ChannelId, IsSharedChannel(mention.ChannelId)), cancellationToken);
        if (parsed is ChatCommand.NotUnderstood)
        {
            reply = reply with { Messages = [.. reply.Messages, HelpMessage.For(CommandPrefix)] };
        }

        foreach (var answer in reply.Messages)
        {
            if (BelongsInTheDm(answer))
            {
                await PostToDmAsync(caller, answer, cancellationToken);
                await PostAsync(caller, mention.ChannelId, new NoticeMessage(SentToDm), thread, cancellationToken);
            }
            else if (answer is ChallengeCardMessage card)
            {
                // A board goes to the channel itself, not the mention's thread, so everyone sees it.
                await PostCardToChannelAsync(caller, mention.ChannelId, card, null, cancellationToken);
            }
            else
            {
                await PostAsync(caller, mention.ChannelId, answer, thread, cancellationToken);
            }
        }

        await ApplyUpdateAsync(caller, reply.Update, cancellationToken);
    }

    private async Task OnHomeOpenedAsync(SlackAppHomeOpenedEvent opened, CancellationToken cancellationToken)
    {
        var context = opened.Context;
        var caller = await ResolveAsync("app_home_opened", context.TeamId, context.EnterpriseId, opened.UserId, cancellationToken);
        if (caller is null)
        {
            return;
        }

        await WelcomeIfNewAsync(caller, cancellationToken);
        if (opened.Tab == "home")
        {
            await PublishHomeAsync(caller, cancellationToken);
        }
    }

    private async Task<Caller?> ResolveAsync(
        string kind, string teamId, string? enterpriseId, string userId, CancellationToken cancellationToken, bool mayBeCached = false)
    {
        var workspace = await tokens.FindInstalledAsync(teamId, enterpriseId, cancellationToken);
        if (workspace is null)
        {
            logger.SlackNoToken(kind, teamId);
            return null;
        }

        var token = workspace.Token;
        if (mayBeCached && knownPeople.Find(workspace.Id, userId) is { } known)
        {
            return new Caller(token, known, false, Cached: true);
        }

        var existing = await people.FindAsync(workspace.Id, userId, cancellationToken);
        if (existing is not null)
        {
            return new Caller(token, existing, false);
        }

        SlackUserInfo? info = null;
        try
        {
            info = await api.GetUserAsync(token, userId, cancellationToken);
        }
        catch (SlackApiException exception) when (exception.Kind is not SlackErrorKind.WorkspaceAccessLost)
        {
            logger.SlackUserInfoFailed(userId, teamId, exception.Error);
        }

        var name = info?.RealName is { Length: > 0 } realName ? realName : info?.Name ?? userId;
        var (person, created) = await people.EnsureAsync(workspace.Id, userId, name, info?.TimeZone, cancellationToken);
        if (created)
        {
            logger.SlackPersonCreated(userId, teamId);
        }

        return new Caller(token, person, created);
    }

    private async Task<WorkspaceEntity?> FindWorkspaceAsync(string teamId, string? enterpriseId, CancellationToken cancellationToken)
    {
        var rows = await db.Workspaces.AsNoTracking()
            .Where(w => w.Platform == ChatPlatform.Slack && (w.ExternalId == teamId || w.ExternalId == enterpriseId))
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault(w => w.ExternalId == teamId) ?? rows.FirstOrDefault();
    }

    private Task WelcomeIfNewAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.Created ? SendWelcomeAsync(caller, cancellationToken) : Task.CompletedTask;

    private Task SendWelcomeAsync(Caller caller, CancellationToken cancellationToken) =>
        PostToDmAsync(caller, Welcome(caller.Person), cancellationToken);

    public static NoticeMessage Welcome(PersonEntity person) => new(
        $"Hi {person.DisplayName}! I'm MicroMove: during your workday I'll send you short seated movement sets — a minute or two each, right at your desk.\n"
        + $"Your schedule for now: {ScheduleWords.Describe(person.ToWorkSchedule())}\n"
        + "Type /micromove schedule to change it, /micromove now for a set right away, or /micromove help for everything else. "
        + "You can also reply to me here: done, 2 4, skip or snooze 15.");

    private static NoticeMessage ScheduleNotice(PersonEntity person) => new(
        $"Your schedule: {ScheduleWords.Describe(person.ToWorkSchedule())} Type /micromove schedule (or use the Schedule button in my Home tab) to change it.");

    private async Task OpenScheduleAsync(Caller caller, string? triggerId, Uri? responseUrl, CancellationToken cancellationToken)
    {
        if (triggerId is not null)
        {
            try
            {
                await api.OpenViewAsync(caller.Token, triggerId, SlackScheduleModal.Build(caller.Person.ToWorkSchedule()), cancellationToken);
                return;
            }
            catch (SlackApiException exception) when (exception.Kind is not SlackErrorKind.WorkspaceAccessLost)
            {
                logger.SlackScheduleDialogFailed(caller.Token.TeamId, exception.Error);
            }
        }

        var notice = ScheduleNotice(caller.Person);
        if (responseUrl is not null)
        {
            await RespondAsync(responseUrl, [notice], cancellationToken);
        }
        else
        {
            await PostToDmAsync(caller, notice, cancellationToken);
        }
    }

    private async Task DeliverActionReplyAsync(Caller caller, SlackBlockActions actions, ConversationReply reply, CancellationToken cancellationToken)
    {
        if (reply.Update is { } update)
        {
            var container = actions.Container;
            if (actions.ResponseUrl is { } url && container.Type == "message")
            {
                var (text, blocks) = Render(update.Message);
                await api.PostToResponseUrlAsync(url, new SlackResponseUrlMessage { ReplaceOriginal = true, Text = text, Blocks = blocks }, cancellationToken);
            }
            else if (container is { ChannelId: { } channel, MessageTs: { } ts, IsEphemeral: false })
            {
                await ApplyUpdateAsync(caller, update with { MessageRef = $"{channel}|{ts}" }, cancellationToken);
            }
            else
            {
                await ApplyUpdateAsync(caller, update, cancellationToken);
            }
        }

        var notices = new List<BotMessage>();
        foreach (var message in reply.Messages)
        {
            if (message is MovementPromptMessage || actions.ResponseUrl is null)
            {
                await PostToDmAsync(caller, message, cancellationToken);
            }
            else
            {
                notices.Add(message);
            }
        }

        if (actions.ResponseUrl is { } responseUrl && notices.Count > 0)
        {
            await RespondAsync(responseUrl, notices, cancellationToken);
        }
    }

    /// <summary>
    /// Sets carry their buttons to the DM; an export link or a delete confirmation asked for by
    /// @mention in a channel goes there too, so nobody else sees the link or can press the buttons.
    /// </summary>
    private static bool BelongsInTheDm(BotMessage message) =>
        message is MovementPromptMessage or DataExportMessage or DeleteConfirmationMessage;

    /// <summary>
    /// "Delete my data" / "Keep my data": the answer replaces the confirmation through its response_url
    /// (ephemeral confirmations too); a note for the presser alone (someone else's confirmation) goes
    /// the same way as a new ephemeral message. Once the person is gone their Home tab is cleared.
    /// </summary>
    private async Task AnswerDeletionAsync(SlackBlockActions actions, ParsedAction answer, CancellationToken cancellationToken)
    {
        var context = actions.Context;
        var workspace = await tokens.FindInstalledAsync(context.TeamId, context.EnterpriseId, cancellationToken);
        if (workspace is null)
        {
            logger.SlackNoToken("block_actions", context.TeamId);
            return;
        }

        var token = workspace.Token;

        var reply = await conversations.AnswerDeletionAsync(workspace.Id, context.UserId, answer, CommandPrefix, cancellationToken);
        knownPeople.Forget(workspace.Id, context.UserId);
        var container = actions.Container;
        if (reply.Update is { } update)
        {
            var (text, blocks) = Render(update.Message);
            if (actions.ResponseUrl is { } url && container.Type == "message")
            {
                await api.PostToResponseUrlAsync(url, new SlackResponseUrlMessage { ReplaceOriginal = true, Text = text, Blocks = blocks }, cancellationToken);
            }
            else if (container is { ChannelId: { } channel, MessageTs: { } ts, IsEphemeral: false })
            {
                await UpdateInPlaceAsync(token, update with { MessageRef = MessageRef(channel, ts) }, cancellationToken);
            }
        }

        if (reply.Messages.Count > 0 && actions.ResponseUrl is { } responseUrl)
        {
            await RespondAsync(responseUrl, [.. reply.Messages], cancellationToken);
        }

        if (answer.Kind == ActionKind.DeleteMyData && await people.FindAsync(workspace.Id, context.UserId, cancellationToken) is null)
        {
            try
            {
                await api.PublishHomeViewAsync(token, context.UserId, SlackHomeView.Forgotten(), null, cancellationToken);
            }
            catch (SlackApiException exception) when (exception.Kind is SlackErrorKind.Other or SlackErrorKind.Recipient)
            {
                logger.SlackUpdateSkipped(token.TeamId, exception.Error);
            }
        }
    }

    private static ParsedAction? BeforeRating(SlackBlockActions actions, string reference)
    {
        foreach (var block in actions.StateValues.Values)
        {
            foreach (var (actionId, input) in block)
            {
                if (SlackActionIds.TryGetKind(actionId, out var kind) && kind == ActionKind.RateBefore
                    && SlackActionValue.Parse(actionId, input.SelectedOptionValue) is { IsOurs: true } parsed
                    && parsed.Action.Reference == reference)
                {
                    return parsed.Action;
                }
            }
        }

        return null;
    }

    private async Task PublishHomeAsync(Caller caller, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(caller.Person.Id, cancellationToken) ?? caller.Person;
        var zone = people.ZoneOf(person);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var weekStart = TimeZones.StartOfDay(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), zone);
        var doneThisWeek = await db.LogEntries.CountAsync(e => e.PersonId == person.Id && e.DoneAt >= weekStart, cancellationToken);
        var recent = await db.LogEntries.AsNoTracking()
            .Where(e => e.PersonId == person.Id)
            .OrderByDescending(e => e.DoneAt)
            .Take(HomeLogLines)
            .ToListAsync(cancellationToken);
        var lines = recent.Select(e =>
        {
            var when = TimeZoneInfo.ConvertTime(e.DoneAt, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
            var names = e.Movements.Select(m => MovementSlugs.TryParse(m, out var id) ? MovementCatalogue.Get(id).Name.ToLowerInvariant() : m);
            var fatigue = (e.FatigueBefore, e.FatigueAfter) switch
            {
                ({ } b, { } a) => $" · fatigue {b}→{a}",
                (null, { } a) => $" · fatigue after {a}",
                ({ } b, null) => $" · fatigue before {b}",
                _ => string.Empty,
            };
            return $"{when} · {string.Join(", ", names)}{fatigue}";
        }).ToList();
        var paused = person.PausedUntil is { } until && until > now
            ? TimeZoneInfo.ConvertTime(until, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)
            : null;
        var view = SlackHomeView.Build(ScheduleWords.Describe(person.ToWorkSchedule()), paused, doneThisWeek, lines);
        await api.PublishHomeViewAsync(caller.Token, person.PlatformUserId, view, null, cancellationToken);
    }

    private async Task PostToDmAsync(Caller caller, BotMessage message, CancellationToken cancellationToken)
    {
        var channel = await api.OpenDirectMessageAsync(caller.Token, caller.Person.PlatformUserId, cancellationToken);
        await RememberDmAsync(caller.Person, channel, cancellationToken);
        await PostAsync(caller, channel, message, null, cancellationToken);
    }

    /// <summary>Posts one message; an instant set's place is recorded so typed answers can update it.</summary>
    private async Task PostAsync(Caller caller, string channel, BotMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        var (text, blocks) = Render(message);
        var posted = await api.PostMessageAsync(caller.Token, channel, text, blocks, threadTs, cancellationToken);
        if (message is MovementPromptMessage { IsInstant: true } prompt && Guid.TryParseExact(prompt.Reference, "N", out var setId))
        {
            await instantSets.RecordMessageRefAsync(setId, MessageRef(posted.Channel, posted.Ts), cancellationToken);
        }
    }

    private async Task RespondAsync(Uri responseUrl, List<BotMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        // One response_url use for all of them (it allows five), in order.
        var texts = new List<string>();
        var blocks = new JsonArray();
        foreach (var message in messages)
        {
            var (text, rendered) = Render(message);
            texts.Add(text);
            foreach (var block in rendered?.ToArray() ?? [])
            {
                if (blocks.Count < BlockKitLimits.BlocksPerMessage)
                {
                    rendered?.Remove(block);
                    blocks.Add(block);
                }
            }
        }

        await api.PostToResponseUrlAsync(
            responseUrl,
            new SlackResponseUrlMessage
            {
                ResponseType = "ephemeral",
                Text = SafeText.Truncate(string.Join('\n', texts), BlockKitLimits.MessageText),
                Blocks = blocks,
            },
            cancellationToken);
    }

    /// <summary>A best-effort note on the response_url while something else already failed.</summary>
    private async Task TellAsync(SlackCommand command, BotMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await RespondAsync(command.ResponseUrl, [message], cancellationToken);
        }
        catch (SlackApiException exception)
        {
            logger.SlackUpdateSkipped(command.TeamId, $"failure note not delivered: {exception.Error}");
        }
    }

    private Task ApplyUpdateAsync(Caller caller, MessageUpdate? update, CancellationToken cancellationToken) =>
        update is null ? Task.CompletedTask : UpdateInPlaceAsync(caller.Token, update, cancellationToken);

    private async Task UpdateInPlaceAsync(SlackBotToken token, MessageUpdate update, CancellationToken cancellationToken)
    {
        if (update.MessageRef?.Split('|') is not [{ Length: > 0 } channel, { Length: > 0 } ts])
        {
            logger.SlackUpdateSkipped(token.TeamId, "the message's place was not recorded");
            return;
        }

        var (text, blocks) = Render(update.Message);
        try
        {
            await api.UpdateMessageAsync(token, channel, ts, text, blocks, cancellationToken);
        }
        catch (SlackApiException exception) when (exception.Kind is SlackErrorKind.Other or SlackErrorKind.Recipient)
        {
            // Too old to edit, deleted, …: the answer is recorded; only the old message stays as it was.
            logger.SlackUpdateSkipped(token.TeamId, exception.Error);
        }
    }

    private async Task RememberDmAsync(PersonEntity person, string channel, CancellationToken cancellationToken)
    {
        if (person.ConversationId != channel && channel.StartsWith('D'))
        {
            await db.People.Where(p => p.Id == person.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ConversationId, channel), cancellationToken);
            person.ConversationId = channel;
        }
    }

    public static string MessageRef(string channel, string ts) => $"{channel}|{ts}";

    /// <summary>C… public, G… private or group DM, D… a direct message with the bot.</summary>
    private static bool IsSharedChannel(string channelId) => !channelId.StartsWith('D');

    /// <summary>
    /// Posts a challenge card in the channel with chat.postMessage and remembers it as the channel's
    /// latest board; false when the bot may not post there (not invited, archived, private).
    /// </summary>
    private async Task<bool> PostCardToChannelAsync(Caller caller, string channel, ChallengeCardMessage card, string? threadTs, CancellationToken cancellationToken)
    {
        var (text, blocks) = Render(card);
        try
        {
            var posted = await api.PostMessageAsync(caller.Token, channel, text, blocks, threadTs, cancellationToken);
            await challenges.RecordCardAsync(card.Reference, MessageRef(posted.Channel, posted.Ts), cancellationToken);
            return true;
        }
        catch (SlackApiException exception) when (exception.Kind is SlackErrorKind.Recipient)
        {
            logger.SlackUpdateSkipped(caller.Token.TeamId, $"challenge card not posted: {exception.Error}");
            return false;
        }
    }

    private static (string Text, JsonArray? Blocks) Render(BotMessage message)
    {
        var rendered = BlockKitRenderer.Render(message);
        var blocks = rendered["blocks"] as JsonArray;
        rendered.Remove("blocks");
        return ((string?)rendered["text"] ?? message.FallbackText, blocks);
    }

    /// <summary>&lt;@U123&gt; or &lt;@U123|name&gt;: a mention of us (or anyone) in the text.</summary>
    [GeneratedRegex(@"<@[UWB][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex MentionPattern();

    private sealed record Caller(SlackBotToken Token, PersonEntity Person, bool Created, bool Cached = false);
}
