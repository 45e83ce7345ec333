using System.Globalization;
using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Bot.Rendering;
using MicroMove.Domain.Commands;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// The platform-neutral conversation: what a person typed (slash command, @mention, a reply
/// in the DM) or pressed (a button or choice on one of our messages) and what the bot
/// answers. Slack, Teams and the dev console translate to and from this; none of it knows them.
/// </summary>
internal sealed class Conversations(
    MicroMoveDbContext db,
    TimeProvider clock,
    People people,
    SetAnswers answers,
    InstantSets instantSets,
    WeeklySummaryBuilder summaries,
    ChallengeCommands challenges,
    DataRequests dataRequests,
    ScheduleEditor scheduleEditor)
{
    private const int LogLines = 10;

    /// <summary>
    /// Handles typed text where it was typed: in a <paramref name="channel"/> (team challenges live
    /// there) or, when it is null, in a direct chat with the bot.
    /// </summary>
    public Task<ConversationReply> HandleTextAsync(PersonEntity person, string text, string commandPrefix, ChatChannel? channel, CancellationToken cancellationToken) =>
        CommandParser.Parse(text) is ChatCommand.Challenge
            ? challenges.HandleAsync(person, text, commandPrefix, channel, cancellationToken)
            : HandleTextAsync(person, text, commandPrefix, cancellationToken);

    /// <summary>Handles typed text. <paramref name="commandPrefix"/> is how help shows commands ("/micromove " on Slack).</summary>
    public async Task<ConversationReply> HandleTextAsync(PersonEntity person, string text, string commandPrefix, CancellationToken cancellationToken)
    {
        switch (CommandParser.Parse(text))
        {
            case ChatCommand.Now now:
                var (_, message) = await instantSets.CreateAsync(person, now.Focus, now.Routine, cancellationToken);
                return ConversationReply.Say(message);
            case ChatCommand.Pause pause:
                return await PauseAsync(person, pause.Length, cancellationToken);
            case ChatCommand.Resume:
                return await ResumeAsync(person, cancellationToken);
            case ChatCommand.Stats:
                return ConversationReply.Say(
                    await summaries.WeekSoFarAsync(person, clock.GetUtcNow(), cancellationToken) as BotMessage
                    ?? new NoticeMessage("Your time zone is unknown, so your week can't be counted yet — set it with schedule.", IsCorrection: true));
            case ChatCommand.Log:
                return ConversationReply.Say(await RecentLogAsync(person, cancellationToken));
            case ChatCommand.Schedule:
                return ConversationReply.Say(ScheduleEditor.Show(person));
            case ChatCommand.Help:
                return ConversationReply.Say(HelpMessage.For(commandPrefix));
            case ChatCommand.Export:
                return ConversationReply.Say(await dataRequests.ExportAsync(person, cancellationToken));
            case ChatCommand.DeleteMyData:
                return ConversationReply.Say(await dataRequests.AskToDeleteAsync(person, cancellationToken));
            case ChatCommand.Done done:
                return await OnLatestAsync(person, set => answers.DoneAsync(set, done.Before, done.After, cancellationToken), "Logged ✓", cancellationToken);
            case ChatCommand.Skip:
                return await OnLatestAsync(person, set => Task.FromResult(SetAnswers.Skip(set)), "Skipped ✓", cancellationToken);
            case ChatCommand.Snooze snooze:
                return await OnLatestAsync(person, set => answers.SnoozeAsync(person, set, snooze.Minutes, cancellationToken), "Snoozed ✓", cancellationToken);
            case ChatCommand.Challenge:
                return await challenges.HandleAsync(person, text, commandPrefix, channel: null, cancellationToken);
            case ChatCommand.NotUnderstood notUnderstood:
                return ConversationReply.Say(new NoticeMessage(notUnderstood.Correction, IsCorrection: true));
            default:
                return ConversationReply.Say(new NoticeMessage(
                    $"That part of MicroMove is not available here yet. Try {commandPrefix}help for what works now.", IsCorrection: true));
        }
    }

    /// <summary>
    /// Done or the after-rating pressed by someone already known, active and reachable in the chat they
    /// pressed it in: recorded in one round trip, without loading their person first. Null — nothing
    /// recorded — for any other action or presser; <see cref="HandleActionAsync"/> then answers it.
    /// </summary>
    public Task<ConversationReply?> TryDoneAsync(ChatPresser presser, ParsedAction action, CancellationToken cancellationToken) =>
        IsDoneClick(action, out var after)
            ? answers.DoneAsync(presser, action.Reference, after, cancellationToken)
            : Task.FromResult<ConversationReply?>(null);

    private static bool IsDoneClick(ParsedAction action, out FatigueRating? after)
    {
        after = action.Kind == ActionKind.RateAfter ? Rating(action.Value) : null;
        return action.Kind == ActionKind.Done || after is not null;
    }

    /// <summary>Handles a button press or choice on one of our messages.</summary>
    public async Task<ConversationReply> HandleActionAsync(PersonEntity person, ParsedAction action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKind.JoinChallenge)
        {
            return await challenges.JoinByButtonAsync(person, action.Reference, cancellationToken);
        }

        if (DataRequests.IsDeletionAnswer(action.Kind))
        {
            return await AnswerDeletionAsync(person.WorkspaceId, person.PlatformUserId, action, string.Empty, cancellationToken);
        }

        if (action.Kind is ActionKind.OpenSettings or ActionKind.SaveSchedule)
        {
            return await scheduleEditor.HandleAsync(person, action, cancellationToken);
        }

        // Someone else's message, or one whose set is gone (data deleted): say so rather than fail.
        var notYours = ConversationReply.Say(new NoticeMessage(SetAnswers.GoneNote, IsCorrection: true));
        if (IsDoneClick(action, out var after))
        {
            // The commonest clicks: found and recorded in one round trip.
            return await answers.DoneAsync(person.Id, action.Reference, after, cancellationToken) ?? notYours;
        }

        var set = await answers.FindAsync(person.Id, action.Reference, cancellationToken);
        if (set is null)
        {
            return notYours;
        }

        return action.Kind switch
        {
            ActionKind.RateBefore when Rating(action.Value) is { } before => await answers.RateBeforeAsync(set, before, cancellationToken),
            ActionKind.Skip => SetAnswers.Skip(set),
            ActionKind.Snooze => await answers.SnoozeAsync(person, set, action.Value ?? MovementPromptMessage.DefaultSnoozeMinutes, cancellationToken),
            _ => ConversationReply.Say(new NoticeMessage("Fatigue is rated 1 (fresh) to 5 (very tired).", IsCorrection: true)),
        };
    }

    /// <summary>
    /// "Delete my data" or "Keep my data" on a delete confirmation, by whoever pressed it. Takes the
    /// presser's identity rather than their person, because the presser may be gone already (a second
    /// press) and must not be created again just to be told so.
    /// </summary>
    public Task<ConversationReply> AnswerDeletionAsync(
        Guid workspaceId, string platformUserId, ParsedAction action, string commandPrefix, CancellationToken cancellationToken) =>
        dataRequests.AnswerAsync(workspaceId, platformUserId, action, commandPrefix, cancellationToken);

    private async Task<ConversationReply> OnLatestAsync(
        PersonEntity person, Func<PromptDeliveryEntity, Task<ConversationReply>> answer, string confirmation, CancellationToken cancellationToken)
    {
        var set = await answers.LatestOpenAsync(person.Id, cancellationToken);
        if (set is null)
        {
            return ConversationReply.Say(new NoticeMessage("There's no open set to answer right now — try now for an instant set.", IsCorrection: true));
        }

        var reply = await answer(set);
        // A typed answer also gets a short line in the conversation, next to the updated prompt.
        return reply with { Messages = [.. reply.Messages.DefaultIfEmpty(new NoticeMessage(confirmation))] };
    }

    private async Task<ConversationReply> PauseAsync(PersonEntity person, PauseLength length, CancellationToken cancellationToken)
    {
        var zone = people.ZoneOf(person);
        var until = length.EndsAt(clock.GetUtcNow(), zone);
        await people.SaveScheduleAsync(person.Id, person.ToWorkSchedule() with { PausedUntil = until }, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(until, zone);
        return ConversationReply.Say(new NoticeMessage(
            $"Paused {length.Describe()} — until {local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)}. Type resume to start again sooner."));
    }

    private async Task<ConversationReply> ResumeAsync(PersonEntity person, CancellationToken cancellationToken)
    {
        var next = await people.SaveScheduleAsync(person.Id, person.ToWorkSchedule() with { PausedUntil = null }, cancellationToken);
        var when = next is { } at
            ? $"Your next set is at {TimeZoneInfo.ConvertTime(at, people.ZoneOf(person)).ToString("ddd HH:mm", CultureInfo.InvariantCulture)}."
            : "No routine is switched on, so no prompts will come — see schedule.";
        return ConversationReply.Say(new NoticeMessage($"Welcome back! {when}"));
    }

    private async Task<NoticeMessage> RecentLogAsync(PersonEntity person, CancellationToken cancellationToken)
    {
        var entries = await db.LogEntries.AsNoTracking()
            .Where(e => e.PersonId == person.Id)
            .OrderByDescending(e => e.DoneAt)
            .Take(LogLines)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return new NoticeMessage("Nothing logged yet. Press Done on a prompt, or type now for an instant set.");
        }

        var zone = people.ZoneOf(person);
        var lines = entries.Select(e =>
        {
            var entry = e.ToLogEntry();
            var when = TimeZoneInfo.ConvertTime(e.DoneAt, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
            var fatigue = (entry.Before, entry.After) switch
            {
                ({ } b, { } a) => $" · fatigue {b}→{a}",
                (null, { } a) => $" · fatigue after {a}",
                ({ } b, null) => $" · fatigue before {b}",
                _ => string.Empty,
            };
            return $"{when} · {string.Join(", ", entry.Movements.Select(m => Domain.Catalogue.MovementCatalogue.Get(m).Name.ToLowerInvariant()))}{fatigue}";
        });
        return new NoticeMessage($"Your last {entries.Count} sets:\n{string.Join('\n', lines)}");
    }

    private static FatigueRating? Rating(int? value) =>
        value is { } v && FatigueRating.TryCreate(v, out var rating) ? rating : null;
}
