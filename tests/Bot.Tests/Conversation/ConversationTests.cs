using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Conversation;

/// <summary>Answers to prompts and typed commands, recorded once and per person, on the real PostgreSQL.</summary>
public sealed class ConversationTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset NineInBerlin = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(NineInBerlin);
    private string _db = string.Empty;
    private MicroMoveApp? _app;
    private PersonEntity? _person;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    private PersonEntity Person => _person ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _db = await server.CreateMigratedDatabaseAsync();
        _app = new MicroMoveApp(_db, services: s => s.AddSingleton<TimeProvider>(_clock));
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        _person = (await PromptWorld.PeopleAsync(_db, workspace, 2, WorkSchedule.Default("Europe/Berlin"), NineInBerlin))[0];
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task DonePressedTwice_ThenRatedAfter_IsOneLogEntryWithTheRating()
    {
        var set = await SentPromptAsync();

        await ActAsync(ActionKind.Done, set);
        await ActAsync(ActionKind.Done, set);
        var reply = await ActAsync(ActionKind.RateAfter, set, 2);

        var entry = Assert.Single(await LogAsync());
        Assert.Equal(set.Id, entry.DeliveryId);
        Assert.Equal("start-of-day", entry.Routine);
        Assert.Equal(["scapular-retraction-pulses", "neck-flexion-extension-waves", "arm-windmills", "ankle-pumps"], entry.Movements);
        Assert.Equal((short)2, entry.FatigueAfter);
        Assert.Null(entry.FatigueBefore);
        var done = Assert.IsType<SetDoneMessage>(reply.Update?.Message);
        Assert.Equal(2, done.After?.Value);
        Assert.Null(done.FatigueAfter);
        Assert.Equal(set.PlatformMessageRef, reply.Update?.MessageRef);
    }

    [Fact]
    public async Task RatedBeforeThenDone_TheLogEntryKeepsTheBeforeRating()
    {
        var set = await SentPromptAsync();

        var rated = await ActAsync(ActionKind.RateBefore, set, 4);
        await ActAsync(ActionKind.Done, set);

        Assert.Equal(4, Assert.IsType<MovementPromptMessage>(rated.Update?.Message).FatigueBefore.Selected?.Value);
        Assert.Equal((short)4, Assert.Single(await LogAsync()).FatigueBefore);
    }

    [Theory]
    [InlineData("2 4", (short)2, (short)4)]
    [InlineData("2→4", (short)2, (short)4)]
    [InlineData("done 3", null, (short)3)]
    [InlineData("done", null, null)]
    public async Task TypedReply_AnswersTheLatestPrompt_Once(string text, short? before, short? after)
    {
        var set = await SentPromptAsync();

        var reply = await SayAsync(text);
        await SayAsync(text);

        var entry = Assert.Single(await LogAsync());
        Assert.Equal(set.Id, entry.DeliveryId);
        Assert.Equal(before, entry.FatigueBefore);
        Assert.Equal(after, entry.FatigueAfter);
        Assert.IsType<SetDoneMessage>(reply.Update?.Message);
        Assert.Equal("Logged ✓", Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).Text);
    }

    [Fact]
    public async Task TypedDone_WithNothingOpen_GetsAFriendlyCorrection()
    {
        var reply = await SayAsync("done 3");

        Assert.True(Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).IsCorrection);
        Assert.Empty(await LogAsync());
    }

    [Theory]
    [InlineData("done 9")]
    [InlineData("banana")]
    public async Task TypedNonsense_GetsACorrection_AndRecordsNothing(string text)
    {
        await SentPromptAsync();

        var reply = await SayAsync(text);

        Assert.True(Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).IsCorrection);
        Assert.Empty(await LogAsync());
    }

    [Fact]
    public async Task AnsweringSomeoneElsesPrompt_IsRefused_AndRecordsNothing()
    {
        var set = await SentPromptAsync();
        var other = await PromptWorld.PersonAsync(_db, (await PromptWorld.DeliveriesAsync(_db)).Single(d => d.PersonId != Person.Id).PersonId!.Value);

        await using var scope = App.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<Conversations>()
            .HandleActionAsync(other, new ParsedAction(ActionKind.Done, PromptMessages.Reference(set), null), TestContext.Current.CancellationToken);

        Assert.True(Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).IsCorrection);
        Assert.Empty(await LogAsync());
    }

    [Fact]
    public async Task Snooze_BringsTheSameSetBackLater_OnceHoweverOftenItIsPressed()
    {
        var set = await SentPromptAsync();

        var reply = await ActAsync(ActionKind.Snooze, set, 10);
        await ActAsync(ActionKind.Snooze, set, 10);

        Assert.Equal("Snoozed — back at 09:10.", Assert.IsType<SetClosedMessage>(reply.Update?.Message).Outcome);
        var snoozed = Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.SlotKey.EndsWith("/snooze-1", StringComparison.Ordinal));
        Assert.Equal(DeliveryStatus.Pending, snoozed.Status);
        Assert.Equal(NineInBerlin.AddMinutes(10), snoozed.NotBefore);
        Assert.Equal(set.Movements, snoozed.Movements);

        Assert.Equal(0, await WorkerRoundAsync());
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await WorkerRoundAsync());
    }

    [Fact]
    public async Task Skip_ReplacesThePrompt_AndLogsNothing()
    {
        var set = await SentPromptAsync();

        var reply = await ActAsync(ActionKind.Skip, set);

        Assert.Contains("Skipped", Assert.IsType<SetClosedMessage>(reply.Update?.Message).Outcome, StringComparison.Ordinal);
        Assert.Empty(await LogAsync());
    }

    [Fact]
    public async Task PauseThenResume_MovesTheNextPrompt()
    {
        await SayAsync("pause 2h");
        var paused = await PromptWorld.PersonAsync(_db, Person.Id);
        Assert.Equal(NineInBerlin.AddHours(2), paused.PausedUntil);
        Assert.True(paused.NextPromptAt >= NineInBerlin.AddHours(2));

        _person = paused;
        var reply = await SayAsync("resume");

        var resumed = await PromptWorld.PersonAsync(_db, Person.Id);
        Assert.Null(resumed.PausedUntil);
        Assert.Equal(NineInBerlin.AddMinutes(30), resumed.NextPromptAt);
        Assert.Contains("Wed 09:30", Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Now_WithARegion_GivesAnInstantSetThatCanBeDone()
    {
        var reply = await SayAsync("now hips");

        var prompt = Assert.IsType<MovementPromptMessage>(Assert.Single(reply.Messages));
        Assert.True(prompt.IsInstant);
        Assert.StartsWith("Instant set · hips", prompt.Title, StringComparison.Ordinal);
        Assert.Contains(prompt.Movements, m => m.Movement == Domain.Catalogue.MovementId.SeatedHipFlexorTwists);

        var set = Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.InstantSet);
        await ActAsync(ActionKind.RateAfter, set, 1);
        var entry = Assert.Single(await LogAsync());
        Assert.Null(entry.Routine);
        Assert.Contains("seated-hip-flexor-twists", entry.Movements);
    }

    [Fact]
    public async Task Log_ListsRecentSetsWithTheirRatings()
    {
        var set = await SentPromptAsync();
        await SayAsync("3 2");

        var reply = await SayAsync("log");

        var text = Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).Text;
        Assert.Contains("Wed 25 Nov 09:00", text, StringComparison.Ordinal);
        Assert.Contains("fatigue 3→2", text, StringComparison.Ordinal);
        Assert.Contains("ankle pumps", text, StringComparison.Ordinal);
        Assert.NotNull(set);
    }

    [Fact]
    public async Task Stats_ShowsTheWeekSoFar_WithTheSetJustLogged()
    {
        await SentPromptAsync();
        await SayAsync("3 2");

        var reply = await SayAsync("stats");

        var summary = Assert.IsType<WeeklySummaryMessage>(Assert.Single(reply.Messages));
        Assert.Equal("Your week so far", summary.Title);
        Assert.Equal("1", summary.Facts.Single(f => f.Label == "Sets done").Value);
    }

    private async Task<PromptDeliveryEntity> SentPromptAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
        }

        await WorkerRoundAsync();
        return (await PromptWorld.DeliveriesAsync(_db)).Single(d => d.PersonId == Person.Id && d.Status == DeliveryStatus.Sent);
    }

    private Task<int> WorkerRoundAsync() =>
        ActivatorUtilities.CreateInstance<DeliveryWorker>(App.Services).RunOnceAsync(TestContext.Current.CancellationToken);

    private async Task<ConversationReply> ActAsync(ActionKind kind, PromptDeliveryEntity set, int? value = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Conversations>()
            .HandleActionAsync(Person, new ParsedAction(kind, PromptMessages.Reference(set), value), TestContext.Current.CancellationToken);
    }

    private async Task<ConversationReply> SayAsync(string text)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Conversations>()
            .HandleTextAsync(Person, text, "/micromove ", TestContext.Current.CancellationToken);
    }

    private async Task<List<LogEntryEntity>> LogAsync()
    {
        await using var db = PromptWorld.Db(_db);
        return await db.LogEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }
}
