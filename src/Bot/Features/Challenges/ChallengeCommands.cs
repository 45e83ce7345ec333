using System.Globalization;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Challenges;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Challenges;

/// <summary>
/// <c>challenge start|join|leave|status|end|help</c> and the Join button, on every platform. One
/// active challenge per channel (the database enforces it); everything is looked up within the
/// person's own workspace, so nobody joins or sees another workspace's challenge. Joining and
/// leaving are idempotent: the participant's key is (challenge, person).
/// </summary>
internal sealed partial class ChallengeCommands(
    MicroMoveDbContext db,
    ChallengeBoard board,
    TimeZones zones,
    TimeProvider clock,
    ILogger<ChallengeCommands> logger)
{
    public async Task<ConversationReply> HandleAsync(
        PersonEntity person, string typed, string commandPrefix, ChatChannel? channel, CancellationToken cancellationToken)
    {
        var command = ChallengeCommandParser.Parse(typed);
        var inChannel = channel is { IsChannel: true };
        return command switch
        {
            ChallengeCommand.Help => ConversationReply.Say(Help(commandPrefix)),
            ChallengeCommand.NotUnderstood wrong => ConversationReply.Say(new NoticeMessage(wrong.Correction, IsCorrection: true)),
            ChallengeCommand.Status when !inChannel => await MyChallengesAsync(person, commandPrefix, cancellationToken),
            _ when !inChannel => ConversationReply.Say(new NoticeMessage(
                $"Team challenges live in a channel, where everyone can see the board and join. Invite me to your team's channel and type {commandPrefix}challenge start there"
                + (command is ChallengeCommand.Start ? "." : $" — or press Join on a challenge card posted there."), IsCorrection: true)),
            ChallengeCommand.Start start => await StartAsync(person, start, channel!, cancellationToken),
            ChallengeCommand.Join => await JoinTypedAsync(person, channel!, commandPrefix, cancellationToken),
            ChallengeCommand.Leave => await LeaveAsync(person, channel!, commandPrefix, cancellationToken),
            ChallengeCommand.End => await EndAsync(person, channel!, commandPrefix, cancellationToken),
            _ => await StatusAsync(person, channel!, commandPrefix, cancellationToken),
        };
    }

    /// <summary>The Join button: joins the challenge the card is about (within the person's workspace) and refreshes that card.</summary>
    public async Task<ConversationReply> JoinByButtonAsync(PersonEntity person, string reference, CancellationToken cancellationToken)
    {
        var challenge = Guid.TryParseExact(reference, "N", out var id)
            ? await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.WorkspaceId == person.WorkspaceId, cancellationToken)
            : null;
        if (challenge is null)
        {
            LogForeignJoin(logger, person.Id);
            return ConversationReply.Say(new NoticeMessage("That challenge isn't one of your workspace's, or it no longer exists.", IsCorrection: true));
        }

        if (challenge.Active)
        {
            await JoinAsync(challenge, person, cancellationToken);
        }

        // Pressed twice, retried, or after the end: the same refreshed card, nothing recorded twice.
        var card = await board.CardAsync(challenge, clock.GetUtcNow(), note: null, cancellationToken);
        return new ConversationReply([], new MessageUpdate(null, card));
    }

    /// <summary>Remembers where a challenge's card was posted, so later joins can refresh it in place.</summary>
    public async Task RecordCardAsync(string reference, string messageRef, CancellationToken cancellationToken)
    {
        if (Guid.TryParseExact(reference, "N", out var id))
        {
            await db.Challenges.Where(c => c.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.CardMessageRef, messageRef), cancellationToken);
        }
    }

    private async Task<ConversationReply> StartAsync(PersonEntity person, ChallengeCommand.Start start, ChatChannel channel, CancellationToken cancellationToken)
    {
        if (await ActiveAsync(person, channel, cancellationToken) is { } existing)
        {
            return ConversationReply.Say(await board.CardAsync(
                existing, clock.GetUtcNow(), $"A challenge is already running in this channel — join this one! (Its starter can end it with challenge end.)", cancellationToken));
        }

        var schedule = person.ToWorkSchedule();
        var zone = zones.TryFind(person.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        // Started after the end of the workday: it begins on the next work day, so day one is a whole day.
        var from = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= schedule.DayEnd)
        {
            from = from.AddDays(1);
        }

        var workDays = schedule.WorkDays.Count > 0 ? schedule.WorkDays : ChallengeDefaults.MondayToFriday;
        var days = ChallengeCalendar.WorkDaysFrom(ChallengeCalendar.FirstWorkDayFrom(from, workDays), start.Days, workDays);
        var domain = new Challenge(start.Title, days, start.DailyGoal);
        var challenge = new ChallengeEntity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = person.WorkspaceId,
            ChannelId = channel.ChannelId,
            Title = start.Title,
            CreatedByPersonId = person.Id,
            StartsOn = domain.StartsOn,
            EndsOn = domain.EndsOn,
            Days = start.Days,
            WorkDays = [.. workDays.Select(d => (int)d).Order()],
            DailyGoal = start.DailyGoal,
            TimeZoneId = zone.Id,
            UpdateTime = schedule.DayEnd,
            NextUpdateAt = ChallengeCalendar.NextUpdateAfter(domain, schedule.DayEnd, zone, now)?.DueAt,
            ServiceUrl = channel.ServiceUrl,
            CreatedAt = now,
        };
        db.Challenges.Add(challenge);
        db.ChallengeParticipants.Add(new ChallengeParticipantEntity { ChallengeId = challenge.Id, PersonId = person.Id, JoinedAt = now });
        if (!await db.SaveUnlessDuplicateAsync(cancellationToken))
        {
            // Two starts at once in one channel: the other one won; show it.
            return await StatusAsync(person, channel, string.Empty, cancellationToken);
        }

        db.ChangeTracker.Clear();
        LogStarted(logger, challenge.Id, person.WorkspaceId, challenge.Days, challenge.DailyGoal);
        return ConversationReply.Say(await board.CardAsync(
            challenge, now, $"{person.DisplayName} started this challenge and is in. Press Join to take part — the board is posted here at the end of each day.", cancellationToken));
    }

    private async Task<ConversationReply> JoinTypedAsync(PersonEntity person, ChatChannel channel, string commandPrefix, CancellationToken cancellationToken)
    {
        if (await ActiveAsync(person, channel, cancellationToken) is not { } challenge)
        {
            return NoChallengeHere(commandPrefix);
        }

        var joined = await JoinAsync(challenge, person, cancellationToken);
        var card = await board.CardAsync(challenge, clock.GetUtcNow(), note: null, cancellationToken);
        var notice = new NoticeMessage(joined
            ? $"You're in “{challenge.Title}” ✓ Aim for {Sets(challenge.DailyGoal)} a day on your work days; every set you finish counts."
            : $"You're already in “{challenge.Title}” ✓");
        return new ConversationReply([notice], UpdateOfLatestCard(challenge, card));
    }

    private async Task<ConversationReply> LeaveAsync(PersonEntity person, ChatChannel channel, string commandPrefix, CancellationToken cancellationToken)
    {
        if (await ActiveAsync(person, channel, cancellationToken) is not { } challenge)
        {
            return NoChallengeHere(commandPrefix);
        }

        var left = await db.ChallengeParticipants
            .Where(p => p.ChallengeId == challenge.Id && p.PersonId == person.Id)
            .ExecuteDeleteAsync(cancellationToken);
        var card = await board.CardAsync(challenge, clock.GetUtcNow(), note: null, cancellationToken);
        var notice = new NoticeMessage(left > 0
            ? $"You've left “{challenge.Title}”. Your sets still count for you; join again any time (from that day on)."
            : $"You weren't in “{challenge.Title}”.");
        return new ConversationReply([notice], left > 0 ? UpdateOfLatestCard(challenge, card) : null);
    }

    private async Task<ConversationReply> EndAsync(PersonEntity person, ChatChannel channel, string commandPrefix, CancellationToken cancellationToken)
    {
        if (await ActiveAsync(person, channel, cancellationToken) is not { } challenge)
        {
            return NoChallengeHere(commandPrefix);
        }

        if (challenge.CreatedByPersonId != person.Id)
        {
            var starter = await db.People.AsNoTracking().Where(p => p.Id == challenge.CreatedByPersonId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
            return ConversationReply.Say(new NoticeMessage(
                $"Only {starter ?? "whoever started it"} can end “{challenge.Title}” early. It ends by itself after {challenge.EndsOn.ToString("dddd d MMM", CultureInfo.InvariantCulture)}.",
                IsCorrection: true));
        }

        var now = clock.GetUtcNow();
        var ended = await db.Challenges
            .Where(c => c.Id == challenge.Id && c.Active)
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Active, false)
                    .SetProperty(c => c.EndedAt, now)
                    .SetProperty(c => c.NextUpdateAt, (DateTimeOffset?)null),
                cancellationToken);
        if (ended == 0)
        {
            return NoChallengeHere(commandPrefix);
        }

        challenge.Active = false;
        challenge.EndedAt = now;
        LogEnded(logger, challenge.Id);
        return ConversationReply.Say(await board.CardAsync(challenge, now, $"{person.DisplayName} ended the challenge early. Thanks for moving, everyone!", cancellationToken));
    }

    private async Task<ConversationReply> StatusAsync(PersonEntity person, ChatChannel channel, string commandPrefix, CancellationToken cancellationToken)
    {
        if (await ActiveAsync(person, channel, cancellationToken) is not { } challenge)
        {
            return NoChallengeHere(commandPrefix);
        }

        return ConversationReply.Say(await board.CardAsync(challenge, clock.GetUtcNow(), note: null, cancellationToken));
    }

    /// <summary><c>challenge</c> in a direct chat: the boards of every running challenge the person is in, in any channel of their workspace.</summary>
    private async Task<ConversationReply> MyChallengesAsync(PersonEntity person, string commandPrefix, CancellationToken cancellationToken)
    {
        var mine = await db.Challenges.AsNoTracking()
            .Where(c => c.WorkspaceId == person.WorkspaceId && c.Active && c.Participants.Any(p => p.PersonId == person.Id))
            .OrderBy(c => c.CreatedAt)
            .Take(ChallengeDefaults.MaxBoardsInADirectChat)
            .ToListAsync(cancellationToken);
        if (mine.Count == 0)
        {
            return ConversationReply.Say(new NoticeMessage(
                $"You're not in a team challenge right now. In your team's channel, type {commandPrefix}challenge start — or press Join on a challenge card there."));
        }

        var now = clock.GetUtcNow();
        var cards = new List<BotMessage>();
        foreach (var challenge in mine)
        {
            var card = await board.CardAsync(challenge, now, note: null, cancellationToken);
            // Join and leave belong to the channel: here the board is for reading.
            cards.Add(card with { Join = null });
        }

        return new ConversationReply(cards);
    }

    /// <summary>Adds the person; a second press, a retry or a race finds the row there and changes nothing.</summary>
    private async Task<bool> JoinAsync(ChallengeEntity challenge, PersonEntity person, CancellationToken cancellationToken)
    {
        var joined = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO micromove.challenge_participants (challenge_id, person_id, joined_at)
            VALUES ({challenge.Id}, {person.Id}, {clock.GetUtcNow()})
            ON CONFLICT (challenge_id, person_id) DO NOTHING
            """,
            cancellationToken) == 1;
        if (joined)
        {
            LogJoined(logger, challenge.Id, person.Id);
        }

        return joined;
    }

    private Task<ChallengeEntity?> ActiveAsync(PersonEntity person, ChatChannel channel, CancellationToken cancellationToken) =>
        db.Challenges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.WorkspaceId == person.WorkspaceId && c.ChannelId == channel.ChannelId && c.Active, cancellationToken);

    private static MessageUpdate? UpdateOfLatestCard(ChallengeEntity challenge, ChallengeCardMessage card) =>
        challenge.CardMessageRef is { Length: > 0 } messageRef ? new MessageUpdate(messageRef, card) : null;

    private static ConversationReply NoChallengeHere(string commandPrefix) => ConversationReply.Say(new NoticeMessage(
        $"No challenge is running in this channel. Start one: {commandPrefix}{ChallengeCommandParser.StartUsage} (5 work days and 3 sets a day unless you say).",
        IsCorrection: true));

    private static string Sets(int goal) => goal == 1 ? "1 set" : $"{goal} sets";

    public static HelpMessage Help(string commandPrefix) => new(
        "Team challenges: a lead starts one in a channel, people join, and everyone scores a point per set up to the daily goal, on their own work days and in their own time zone. The board is posted at the end of each day and the results when it ends.",
        [
            new($"{commandPrefix}{ChallengeCommandParser.StartUsage}", $"Start one in this channel ({ChallengeRules.MinDays}–{ChallengeRules.MaxDays} work days, goal {ChallengeRules.MinDailyGoal}–{ChallengeRules.MaxDailyGoal} sets a day)."),
            new($"{commandPrefix}challenge join", "Join this channel's challenge (or press Join on its card)."),
            new($"{commandPrefix}challenge leave", "Leave it; your sets are still yours."),
            new($"{commandPrefix}challenge status", "The board; in a direct chat, the boards of your challenges."),
            new($"{commandPrefix}challenge end", "End it early (only whoever started it)."),
        ],
        []);

    [LoggerMessage(Level = LogLevel.Information, Message = "Challenge {ChallengeId} started in workspace {WorkspaceId}: {Days} work days, goal {Goal}")]
    private static partial void LogStarted(ILogger logger, Guid challengeId, Guid workspaceId, int days, int goal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} joined challenge {ChallengeId}")]
    private static partial void LogJoined(ILogger logger, Guid challengeId, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Challenge {ChallengeId} ended early by its starter")]
    private static partial void LogEnded(ILogger logger, Guid challengeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} pressed Join on a challenge that is not in their workspace (or is gone)")]
    private static partial void LogForeignJoin(ILogger logger, Guid personId);
}
