using System.Globalization;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Catalogue;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Tracking;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroMove.Bot.Features.Conversation;

/// <summary>
/// A person's answers to a set they were sent — Done, fatigue before/after, Skip, Snooze —
/// recorded once however often the platform retries, and the message to show in place.
/// Every lookup is by person as well as by set, so nobody can answer someone else's prompt.
/// </summary>
internal sealed class SetAnswers(MicroMoveDbContext db, NpgsqlDataSource dataSource, TimeProvider clock, People people)
{
    public const int MaxSnoozes = 3;

    /// <summary>Said when a set is no longer there to answer.</summary>
    public const string GoneNote = "That set isn't yours or no longer exists.";

    /// <summary>Typed replies ("done", "2 4") answer the latest set sent within this window.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromHours(12);

    public Task<PromptDeliveryEntity?> FindAsync(Guid personId, string reference, CancellationToken cancellationToken) =>
        Guid.TryParseExact(reference, "N", out var id)
            ? db.PromptDeliveries.AsNoTracking().SingleOrDefaultAsync(
                d => d.Id == id && d.PersonId == personId && d.Kind != DeliveryKind.WeeklySummary, cancellationToken)
            : Task.FromResult<PromptDeliveryEntity?>(null);

    public Task<PromptDeliveryEntity?> LatestOpenAsync(Guid personId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - OpenFor;
        return db.PromptDeliveries.AsNoTracking()
            .Where(d => d.PersonId == personId && d.Kind != DeliveryKind.WeeklySummary && d.Status == DeliveryStatus.Sent && d.SentAt >= since)
            .OrderByDescending(d => d.SentAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Done (with optional ratings): one log entry per set; later ratings fill in or correct it.</summary>
    public async Task<ConversationReply> DoneAsync(PromptDeliveryEntity set, FatigueRating? before, FatigueRating? after, CancellationToken cancellationToken)
    {
        var row = set.PersonId is { } personId
            ? await DoneStatement.ByPersonAsync(dataSource, set.Id, personId, clock.GetUtcNow(), (short?)before?.Value, (short?)after?.Value, cancellationToken)
            : null;

        // Gone between finding it and recording (the person's data was just deleted): nothing recorded.
        return DoneReply(set.Id, row) ?? ConversationReply.Say(new NoticeMessage(GoneNote, IsCorrection: true));
    }

    /// <summary>
    /// Done (or the after-rating) pressed on the set <paramref name="reference"/>: the set is looked up as
    /// the person's and the answer recorded in one statement, one database round trip for the commonest
    /// click. Null when the set is not theirs or no longer exists. Same outcome as
    /// <see cref="FindAsync"/> followed by <see cref="DoneAsync(PromptDeliveryEntity, FatigueRating?, FatigueRating?, CancellationToken)"/>.
    /// </summary>
    public async Task<ConversationReply?> DoneAsync(Guid personId, string reference, FatigueRating? after, CancellationToken cancellationToken) =>
        Guid.TryParseExact(reference, "N", out var setId)
            ? DoneReply(setId, await DoneStatement.ByPersonAsync(dataSource, setId, personId, clock.GetUtcNow(), before: null, (short?)after?.Value, cancellationToken))
            : null;

    /// <summary>
    /// The same, found by who pressed it rather than by a person loaded first: for a known person who is
    /// active and reachable in the chat they pressed it in. Null otherwise — not theirs, gone, or the
    /// person needs updating — and nothing recorded.
    /// </summary>
    public async Task<ConversationReply?> DoneAsync(ChatPresser presser, string reference, FatigueRating? after, CancellationToken cancellationToken) =>
        Guid.TryParseExact(reference, "N", out var setId)
            ? DoneReply(setId, await DoneStatement.ByPresserAsync(dataSource, setId, presser, clock.GetUtcNow(), (short?)after?.Value, cancellationToken))
            : null;

    private static ConversationReply? DoneReply(Guid setId, DoneRow? row) =>
        row is null
            ? null
            : new ConversationReply([], new MessageUpdate(
                row.MessageRef,
                SetDoneMessage.For(setId.ToString("N"), TitleOf(row.Routine), NamesOf(row.Movements), Rating(row.Before), Rating(row.After))));

    public async Task<ConversationReply> RateBeforeAsync(PromptDeliveryEntity set, FatigueRating before, CancellationToken cancellationToken)
    {
        var updated = await db.LogEntries
            .Where(e => e.PersonId == set.PersonId && e.SourceKey == SourceKey(set))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FatigueBefore, (short)before.Value), cancellationToken);
        if (updated > 0)
        {
            var entry = await db.LogEntries.AsNoTracking().SingleAsync(e => e.PersonId == set.PersonId && e.SourceKey == SourceKey(set), cancellationToken);
            return Done(set, Rating(entry.FatigueBefore), Rating(entry.FatigueAfter));
        }

        // Not done yet: keep the answer with the set until "Done".
        await db.PromptDeliveries.Where(d => d.Id == set.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.FatigueBefore, (short)before.Value), cancellationToken);
        return new ConversationReply([], new MessageUpdate(set.PlatformMessageRef, PromptMessages.For(set, before)));
    }

    public static ConversationReply Skip(PromptDeliveryEntity set) =>
        new([], new MessageUpdate(set.PlatformMessageRef, new SetClosedMessage(PromptMessages.Reference(set), TitleOf(set), "Skipped — see you at the next slot.")));

    /// <summary>Snooze: the same set comes back as a new delivery after the given minutes (at most <see cref="MaxSnoozes"/> times).</summary>
    public async Task<ConversationReply> SnoozeAsync(PersonEntity person, PromptDeliveryEntity set, int minutes, CancellationToken cancellationToken)
    {
        if (set.Kind != DeliveryKind.Prompt)
        {
            return ConversationReply.Say(new NoticeMessage("An instant set can't be snoozed — do it when it suits you, or ask again with now.", IsCorrection: true));
        }

        if (set.Snoozes >= MaxSnoozes)
        {
            return ConversationReply.Say(new NoticeMessage($"This set was already snoozed {MaxSnoozes} times — skip it or do it now.", IsCorrection: true));
        }

        var now = clock.GetUtcNow();
        var backAt = now.AddMinutes(minutes);
        var snoozes = set.Snoozes + 1;
        var baseKey = set.SlotKey.Split("/snooze-")[0];
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO micromove.prompt_deliveries
                (id, person_id, workspace_id, kind, slot_key, routine, due_at, movements, tip, notes, status, attempts, not_before, snoozes, created_at)
            SELECT {Guid.CreateVersion7()}, person_id, workspace_id, kind, {$"{baseKey}/snooze-{snoozes}"}, routine, {backAt}, movements, tip, notes,
                   'pending', 0, {backAt}, {snoozes}, {now}
            FROM micromove.prompt_deliveries WHERE id = {set.Id}
            ON CONFLICT (person_id, slot_key) DO NOTHING
            """, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(backAt, people.ZoneOf(person));
        var outcome = $"Snoozed — back at {local.ToString("HH:mm", CultureInfo.InvariantCulture)}.";
        return new ConversationReply([], new MessageUpdate(set.PlatformMessageRef, new SetClosedMessage(PromptMessages.Reference(set), TitleOf(set), outcome)));
    }

    private static ConversationReply Done(PromptDeliveryEntity set, FatigueRating? before, FatigueRating? after) =>
        new([], new MessageUpdate(
            set.PlatformMessageRef,
            SetDoneMessage.For(PromptMessages.Reference(set), TitleOf(set), NamesOf(set), before, after)));

    public static string TitleOf(PromptDeliveryEntity set) => TitleOf(set.Routine);

    private static string TitleOf(string? routineSlug) =>
        RoutineKinds.TryParse(routineSlug) is { } routine ? MovementCatalogue.Get(routine).Name : "Instant set";

    private static IReadOnlyList<string> NamesOf(PromptDeliveryEntity set) => NamesOf(set.Movements.Select(m => m.Movement));

    private static IReadOnlyList<string> NamesOf(IEnumerable<string> slugs) =>
        [.. slugs.Select(slug => MovementSlugs.TryParse(slug, out var id) ? MovementCatalogue.Get(id).Name : slug)];

    /// <summary>The log entry's idempotency key for a set: one entry per delivered set.</summary>
    public static string SourceKey(PromptDeliveryEntity set) => DoneStatement.SourceKey(set.Id);

    private static FatigueRating? Rating(short? value) =>
        value is { } v && FatigueRating.TryCreate(v, out var rating) ? rating : null;
}
