using System.Globalization;
using System.Text.Json;
using MicroMove.Bot.Chat;
using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Slack.BlockKit;
using MicroMove.Bot.Teams.AdaptiveCards;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Scheduling;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.DevConsole;

/// <summary>
/// What the console page does, on the real features: a person's typed line or click goes to
/// <see cref="Conversations"/>, and the reply is posted and applied through the console gateway,
/// exactly as the Slack and Teams adapters do on their platforms.
/// </summary>
internal sealed class DevConsoleChat(
    MicroMoveDbContext db,
    ConsoleWorkspace workspace,
    Conversations conversations,
    InstantSets instantSets,
    People people,
    ChatGateways gateways,
    ConsoleClock clock,
    PromptDispatcher dispatcher,
    IServiceProvider services)
{
    public const string CommandPrefix = "/micromove ";

    /// <summary>What #team hears when the speaker's answer (an export link, a delete confirmation) went to their DM.</summary>
    public const string SentToDm = "Sent to your DM ✓";

    public async Task<DevConsoleResult> SayAsync(string who, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DevConsoleResult.Bad("Say something: the text is empty.");
        }

        var person = Guid.TryParse(who, out var personId)
            ? await workspace.PersonAsync(personId, cancellationToken)
            : await workspace.CastMemberAsync(who, cancellationToken);
        if (person is null)
        {
            return DevConsoleResult.Bad($"No console person {who}.");
        }

        var now = clock.GetUtcNow();
        db.ConsoleMessages.Add(new ConsoleMessageEntity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = person.WorkspaceId,
            ConversationId = ConsoleGateway.DirectConversation(person.PlatformUserId),
            Kind = "person",
            FallbackText = text.Trim(),
            FromPerson = true,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var reply = await conversations.HandleTextAsync(person, text.Trim(), CommandPrefix, cancellationToken);
        return DevConsoleResult.Ok(await ApplyAsync(person, reply, actedOn: null, cancellationToken));
    }

    public async Task<DevConsoleResult> ActAsync(DevConsoleAction? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DevConsoleResult.Bad("The body must be a JSON object.");
        }

        var parsed = request.Platform switch
        {
            "slack" => SlackActionValue.Parse(request.ActionId, request.Value),
            "teams" => TeamsActionValue.Parse(request.Verb, request.Data),
            _ => null,
        };
        if (parsed is null)
        {
            return DevConsoleResult.Bad("platform must be \"slack\" or \"teams\".");
        }

        if (!parsed.IsOurs)
        {
            return DevConsoleResult.Bad(parsed.NotOursReason);
        }

        var presser = request.PersonId is { } id ? await workspace.PersonAsync(id, cancellationToken) : null;
        if (DataRequests.IsDeletionAnswer(parsed.Action.Kind))
        {
            return await AnswerDeletionAsync(presser, request.MessageId, parsed.Action, cancellationToken);
        }

        if (presser is null)
        {
            return DevConsoleResult.Bad($"No console person {request.PersonId}.");
        }

        var reply = await conversations.HandleActionAsync(presser, parsed.Action, cancellationToken);
        // A click in the channel is answered in the channel; one in a DM, in that DM.
        var conversation = await ConversationOfAsync(request.MessageId, presser, cancellationToken);
        return DevConsoleResult.Ok(await ApplyAsync(presser, reply, request.MessageId, conversation, cancellationToken));
    }

    /// <summary>
    /// A press on a delete confirmation. The presser is the person clicking, or — when they are gone
    /// already — the owner of the DM the message is in (only they can press there); they are never
    /// created again by it. The answer replaces the confirmation, or goes to the presser's DM.
    /// </summary>
    private async Task<DevConsoleResult> AnswerDeletionAsync(PersonEntity? presser, string? messageId, ParsedAction answer, CancellationToken cancellationToken)
    {
        if (await workspace.FindAsync(cancellationToken) is not { } ws)
        {
            return DevConsoleResult.Bad("The console workspace is missing.");
        }

        var message = Guid.TryParse(messageId, out var id)
            ? await db.ConsoleMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.WorkspaceId == ws.Id, cancellationToken)
            : null;
        var userId = presser?.PlatformUserId ?? DirectMessageOwner(message?.ConversationId);
        if (userId is null)
        {
            return DevConsoleResult.Bad($"No console person pressed message {messageId}.");
        }

        var reply = await conversations.AnswerDeletionAsync(ws.Id, userId, answer, CommandPrefix, cancellationToken);
        if (!gateways.TryGet(ChatPlatform.Console, out var gateway))
        {
            throw new InvalidOperationException("The console gateway is not registered.");
        }

        var address = new ChatAddress(
            ChatPlatform.Console, ws.Id, ConsoleWorkspace.ExternalId, presser?.Id ?? Guid.Empty, userId, ConsoleGateway.DirectConversation(userId), null);
        var touched = new List<string>();
        if (reply.Update is { } update && message is not null
            && await gateway.UpdateAsync(address, message.Id.ToString("N"), update.Message, cancellationToken) is SendOutcome.Sent updated)
        {
            touched.Add(updated.MessageRef);
        }

        foreach (var note in reply.Messages)
        {
            if (await gateway.SendAsync(address, note, cancellationToken) is SendOutcome.Sent sent)
            {
                touched.Add(sent.MessageRef);
            }
        }

        return DevConsoleResult.Ok(touched);
    }

    /// <summary>"ada" for "dm:ada"; null for the channel or anything else.</summary>
    private static string? DirectMessageOwner(string? conversationId) =>
        conversationId is { } id && id.StartsWith(ConsoleGateway.DirectConversation(string.Empty), StringComparison.Ordinal)
            ? id[ConsoleGateway.DirectConversation(string.Empty).Length..]
            : null;

    /// <summary>
    /// A person's line in the console's channel: recorded there under their name, handled as typed in
    /// a channel (team challenges live there), and answered in the channel.
    /// </summary>
    public async Task<DevConsoleResult> SayInChannelAsync(string channelId, DevConsoleChannelSay? say, CancellationToken cancellationToken)
    {
        if (channelId != ConsoleWorkspace.ChannelId)
        {
            return DevConsoleResult.Missing($"No console channel {channelId}.");
        }

        if (string.IsNullOrWhiteSpace(say?.Text))
        {
            return DevConsoleResult.Bad("Say something: the text is empty.");
        }

        if (say.PersonId is not { } personId || await workspace.PersonAsync(personId, cancellationToken) is not { } person)
        {
            return DevConsoleResult.Bad($"No console person {say.PersonId}: pick who is speaking.");
        }

        var now = clock.GetUtcNow();
        db.ConsoleMessages.Add(new ConsoleMessageEntity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = person.WorkspaceId,
            ConversationId = channelId,
            Kind = $"person:{person.PlatformUserId}",
            FallbackText = say.Text.Trim(),
            FromPerson = true,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var reply = await conversations.HandleTextAsync(person, say.Text.Trim(), CommandPrefix, new ChatChannel(channelId, IsChannel: true), cancellationToken);
        if (!reply.Messages.Any(IsPrivate))
        {
            return DevConsoleResult.Ok(await ApplyAsync(person, reply, actedOn: null, channelId, cancellationToken));
        }

        // As an @mention in Slack or Teams: an export link or a delete confirmation goes to the
        // speaker's DM, and the channel only hears where it went.
        var inDm = await ApplyAsync(person, new ConversationReply([.. reply.Messages.Where(IsPrivate)]), actedOn: null, cancellationToken);
        var inChannel = await ApplyAsync(
            person, reply with { Messages = [.. reply.Messages.Where(m => !IsPrivate(m)), new NoticeMessage(SentToDm)] }, actedOn: null, channelId, cancellationToken);
        return DevConsoleResult.Ok(inDm.Concat(inChannel).ToList());
    }

    private static bool IsPrivate(BotMessage message) => message is DataExportMessage or DeleteConfirmationMessage;

    private async Task<string?> ConversationOfAsync(string? messageId, PersonEntity person, CancellationToken cancellationToken) =>
        Guid.TryParse(messageId, out var id)
            ? await db.ConsoleMessages.AsNoTracking()
                .Where(m => m.Id == id && m.WorkspaceId == person.WorkspaceId)
                .Select(m => m.ConversationId)
                .SingleOrDefaultAsync(cancellationToken)
            : null;

    public Task<IReadOnlyList<string>> ApplyAsync(PersonEntity person, ConversationReply reply, string? actedOn, CancellationToken cancellationToken) =>
        ApplyAsync(person, reply, actedOn, conversationId: null, cancellationToken);

    /// <summary>Applies a reply in <paramref name="conversationId"/> (the person's DM when null).</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(PersonEntity person, ConversationReply reply, string? actedOn, string? conversationId, CancellationToken cancellationToken)
    {
        if (!gateways.TryGet(ChatPlatform.Console, out var gateway))
        {
            throw new InvalidOperationException("The console gateway is not registered.");
        }

        var address = new ChatAddress(
            ChatPlatform.Console, person.WorkspaceId, ConsoleWorkspace.ExternalId, person.Id, person.PlatformUserId,
            conversationId ?? ConsoleGateway.DirectConversation(person.PlatformUserId), null);
        var touched = new List<string>();
        if (reply.Update is { } update && (update.MessageRef ?? actedOn) is { Length: > 0 } messageRef
            && await gateway.UpdateAsync(address, messageRef, update.Message, cancellationToken) is SendOutcome.Sent)
        {
            touched.Add(messageRef);
        }

        foreach (var message in reply.Messages)
        {
            if (await gateway.SendAsync(address, message, cancellationToken) is not SendOutcome.Sent sent)
            {
                continue;
            }

            touched.Add(sent.MessageRef);
            if (message is ChallengeCardMessage card && address.ConversationId == ConsoleWorkspace.ChannelId)
            {
                await services.GetRequiredService<ChallengeCommands>().RecordCardAsync(card.Reference, sent.MessageRef, cancellationToken);
            }

            if (message is MovementPromptMessage prompt && Guid.TryParseExact(prompt.Reference, "N", out var setId))
            {
                // An instant set: remember where it was posted, so typed answers update it in place.
                await instantSets.RecordMessageRefAsync(setId, sent.MessageRef, cancellationToken);
            }
        }

        return touched;
    }

    public async Task<List<DevConsoleMessage>> MessagesAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await workspace.FindAsync(cancellationToken) is not { } ws)
        {
            return [];
        }

        var rows = await db.ConsoleMessages.AsNoTracking()
            .Where(m => m.WorkspaceId == ws.Id && m.ConversationId == conversationId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new DevConsoleMessage(
            m.Id.ToString("N"), m.ConversationId, m.Kind, m.FromPerson, m.FallbackText,
            Json(m.SlackPayload), Json(m.TeamsPayload), m.CreatedAt, m.UpdatedAt))];
    }

    /// <summary>The cast, in cast order's names: the people MicroMove knows, and (without an id) those who deleted their data.</summary>
    public async Task<List<DevConsolePerson>> PeopleAsync(CancellationToken cancellationToken)
    {
        var known = (await workspace.PeopleAsync(cancellationToken)).Select(Describe).ToList();
        var forgotten = ConsoleWorkspace.Cast
            .Where(member => known.All(p => p.UserId != member.UserId))
            .Select(member => new DevConsolePerson(
                null, member.UserId, member.Name, member.TimeZone, ConsoleGateway.DirectConversation(member.UserId),
                null, null, null, ScheduleMapping.ToSettings(WorkSchedule.Default(member.TimeZone))));
        return [.. known.Concat(forgotten).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public DevConsolePerson Describe(PersonEntity person)
    {
        var zone = people.ZoneOf(person);
        return new DevConsolePerson(
            person.Id, person.PlatformUserId, person.DisplayName, person.TimeZoneId,
            ConsoleGateway.DirectConversation(person.PlatformUserId),
            person.NextPromptAt, Local(person.NextPromptAt, zone), person.PausedUntil, person.Schedule);
    }

    /// <summary>This week's log (Monday 00:00 local to now), newest first.</summary>
    public async Task<DevConsoleResult> LogAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await workspace.PersonAsync(personId, cancellationToken) is not { } person)
        {
            return DevConsoleResult.Missing($"No console person {personId}.");
        }

        var zone = people.ZoneOf(person);
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var monday = localNow.Date.AddDays(-(((int)localNow.DayOfWeek + 6) % 7));
        var weekStart = TimeZones.StartOfDay(DateOnly.FromDateTime(monday), zone);
        var rows = await db.LogEntries.AsNoTracking()
            .Where(e => e.PersonId == person.Id && e.DoneAt >= weekStart)
            .OrderByDescending(e => e.DoneAt)
            .ToListAsync(cancellationToken);
        return DevConsoleResult.Ok(rows.Select(e => new DevConsoleLogEntry(
            e.DoneAt,
            Local(e.DoneAt, zone) ?? string.Empty,
            e.Routine,
            [.. e.Movements.Select(m => MovementSlugs.TryParse(m, out var id) ? MovementCatalogue.Get(id).Name : m)],
            e.FatigueBefore,
            e.FatigueAfter)).ToList());
    }

    /// <summary>This week so far, as the `stats` command and the weekly summary show it, with the chart's link.</summary>
    public async Task<DevConsoleResult> WeekAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await workspace.PersonAsync(personId, cancellationToken) is not { } person)
        {
            return DevConsoleResult.Missing($"No console person {personId}.");
        }

        var summaries = services.GetRequiredService<WeeklySummaryBuilder>();
        if (await summaries.WeekSoFarAsync(person, clock.GetUtcNow(), cancellationToken) is not { } week)
        {
            return DevConsoleResult.Bad($"{person.DisplayName}'s time zone is unknown.");
        }

        // The page shows the chart from this same server, whatever PublicBaseUrl says.
        return DevConsoleResult.Ok(new DevConsoleWeek(
            week.Title,
            [.. week.Facts.Select(f => new DevConsoleFact(f.Label, f.Value))],
            week.Advice,
            week.ChartUrl?.PathAndQuery,
            week.ChartAltText));
    }

    public DevConsoleClockState Clock() => new(clock.GetUtcNow(), clock.Offset);

    /// <summary>Moves simulated time to the person's next slot, then dispatches and delivers at once.</summary>
    public async Task<DevConsoleResult> JumpToNextSlotAsync(Guid? personId, CancellationToken cancellationToken)
    {
        if (personId is not { } id || await workspace.PersonAsync(id, cancellationToken) is not { } person)
        {
            return DevConsoleResult.Bad($"No console person {personId}.");
        }

        if (person.NextPromptAt is not { } next)
        {
            return DevConsoleResult.Bad($"{person.DisplayName} has no next slot (paused, or no routine on).");
        }

        if (next > clock.GetUtcNow())
        {
            await SetOffsetAsync(next - ConsoleClock.RealNow(), cancellationToken);
        }

        return DevConsoleResult.Ok(await RunPromptsAsync(cancellationToken));
    }

    /// <summary>
    /// Moves simulated time to just after the person's end of work week (Friday 17:30 by default),
    /// when their weekly summary is due and their end-of-day set is still fresh, then dispatches and
    /// delivers — so both come through the real dispatch and delivery path.
    /// </summary>
    public async Task<DevConsoleResult> JumpToFridayEveningAsync(Guid? personId, CancellationToken cancellationToken)
    {
        if (personId is not { } id || await workspace.PersonAsync(id, cancellationToken) is not { } person)
        {
            return DevConsoleResult.Bad($"No console person {personId}.");
        }

        var schedule = person.ToWorkSchedule();
        if (WeeklySummarySlot.NextAfter(schedule with { PausedUntil = null }, people.ZoneOf(person), clock.GetUtcNow()) is not { } summary)
        {
            return DevConsoleResult.Bad($"{person.DisplayName} has no work day, so no end of week.");
        }

        // The summary is owed from the week's end: make sure the dispatcher knows, even for a person it has not seen yet.
        await db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.NextSummaryAt, summary.DueAt), cancellationToken);
        await SetOffsetAsync(summary.DueAt.AddMinutes(1) - ConsoleClock.RealNow(), cancellationToken);
        return DevConsoleResult.Ok(await RunPromptsAsync(cancellationToken));
    }

    /// <summary>Back to real time; everyone's next slot is computed again from now.</summary>
    public async Task<DevConsoleClockState> ResetClockAsync(CancellationToken cancellationToken)
    {
        await SetOffsetAsync(TimeSpan.Zero, cancellationToken);
        foreach (var person in await workspace.PeopleAsync(cancellationToken))
        {
            await people.SaveScheduleAsync(person.Id, person.ToWorkSchedule(), cancellationToken);
        }

        return Clock();
    }

    private async Task SetOffsetAsync(TimeSpan offset, CancellationToken cancellationToken)
    {
        await ConsoleClockStore.WriteAsync(db, offset, cancellationToken);
        clock.SetOffset(offset);
    }

    /// <summary>
    /// Moves simulated time to just after the next board of the channel's running challenge (the end
    /// of its starter's workday, or the results on its last day), then dispatches and delivers.
    /// </summary>
    public async Task<DevConsoleResult> JumpToChallengeUpdateAsync(CancellationToken cancellationToken)
    {
        var ws = await workspace.FindAsync(cancellationToken);
        var next = ws is null
            ? null
            : await db.Challenges.AsNoTracking()
                .Where(c => c.WorkspaceId == ws.Id && c.ChannelId == ConsoleWorkspace.ChannelId && c.Active)
                .Select(c => c.NextUpdateAt)
                .SingleOrDefaultAsync(cancellationToken);
        if (next is not { } dueAt)
        {
            return DevConsoleResult.Bad("No challenge is running in #team: type challenge start there first.");
        }

        if (dueAt > clock.GetUtcNow())
        {
            await SetOffsetAsync(dueAt.AddMinutes(1) - ConsoleClock.RealNow(), cancellationToken);
        }

        return DevConsoleResult.Ok(await RunPromptsAsync(cancellationToken));
    }

    private async Task<DevConsoleClockState> RunPromptsAsync(CancellationToken cancellationToken)
    {
        await dispatcher.DispatchDueAsync(cancellationToken);
        // Challenge boards and results come due on the same clock.
        await services.GetRequiredService<ChallengeDispatcher>().DispatchDueAsync(cancellationToken);
        // One delivery round now, rather than waiting for this node's worker to wake up.
        var worker = ActivatorUtilities.CreateInstance<DeliveryWorker>(services);
        await worker.RunOnceAsync(cancellationToken);
        return Clock();
    }

    private static string? Local(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) : null;

    private static JsonElement? Json(string? payload) =>
        payload is null ? null : JsonDocument.Parse(payload).RootElement.Clone();
}
