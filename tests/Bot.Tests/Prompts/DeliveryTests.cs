using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>Deliveries reach the person's conversation exactly once, even when a node dies holding them.</summary>
public sealed class DeliveryTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset NineInBerlin = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(NineInBerlin);
    private string _db = string.Empty;
    private MicroMoveApp? _app;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _db = await server.CreateMigratedDatabaseAsync();
        _app = new MicroMoveApp(_db, services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task PendingDelivery_IsPostedToThePersonsConversation_AndMarkedSentWithItsMessageRef()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, WorkSchedule.Default("Europe/Berlin"), NineInBerlin)).Single();
        await DispatchAsync();

        Assert.Equal(1, await WorkerRoundAsync());

        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(NineInBerlin, delivery.SentAt);
        await using var db = PromptWorld.Db(_db);
        var message = await db.ConsoleMessages.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(delivery.PlatformMessageRef, message.Id.ToString("N"));
        Assert.Equal($"dm:{person.PlatformUserId}", message.ConversationId);
        Assert.Equal("movement-prompt", message.Kind);
        Assert.Contains("Scapular retraction pulses (10 pulses)", message.FallbackText, StringComparison.Ordinal);
        Assert.Contains("mm_done", message.SlackPayload, StringComparison.Ordinal);
        Assert.Contains("Action.Execute", message.TeamsPayload, StringComparison.Ordinal);
        Assert.Equal(message.ConversationId, (await PromptWorld.PersonAsync(_db, person.Id)).ConversationId);
        Assert.Equal(0, await WorkerRoundAsync());
    }

    [Fact]
    public async Task ClaimOfADeadNode_IsTakenOverWhenItsLeaseRunsOut_AndSentOnce()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, 1, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);
        await DispatchAsync();
        await using (var db = PromptWorld.Db(_db))
        {
            // A node claimed it and died: its lease is still running.
            await db.PromptDeliveries.ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Claimed).SetProperty(d => d.Attempts, 1).SetProperty(d => d.LeaseUntil, NineInBerlin.AddMinutes(2)),
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await WorkerRoundAsync());

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await WorkerRoundAsync());

        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
        await using var read = PromptWorld.Db(_db);
        Assert.Equal(1, await read.ConsoleMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SendOfADeadNode_IsFailedAsUncertainWhenItsLeaseRunsOut_AndNeverPostedAgain()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, 1, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);
        await DispatchAsync();
        await using (var db = PromptWorld.Db(_db))
        {
            // A node had begun posting it (the platform may have it) and died before recording the answer.
            await db.PromptDeliveries.ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.Attempts, 1).SetProperty(d => d.LeaseUntil, NineInBerlin.AddMinutes(2)),
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await WorkerRoundAsync());
        Assert.Equal(DeliveryStatus.Sending, Assert.Single(await PromptWorld.DeliveriesAsync(_db)).Status);

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, await WorkerRoundAsync());

        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(DeliveryQueue.AbandonedSendReason, delivery.LastError);
        Assert.Null(delivery.LeaseUntil);
        Assert.Equal(1, delivery.Attempts);
        await using var read = PromptWorld.Db(_db);
        Assert.Equal(0, await read.ConsoleMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PersonDeactivatedAfterDispatch_DeliveryFailsWithTheReason_NothingIsPosted()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, WorkSchedule.Default("Europe/Berlin"), NineInBerlin)).Single();
        await DispatchAsync();
        await using (var db = PromptWorld.Db(_db))
        {
            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false), TestContext.Current.CancellationToken);
        }

        await WorkerRoundAsync();

        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("no longer active", delivery.LastError, StringComparison.Ordinal);
        await using var read = PromptWorld.Db(_db);
        Assert.Equal(0, await read.ConsoleMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WorkspaceAtItsShareOfSlots_GetsTheNextSlotAsSoonAsOneOfItsSendsFinishes_NotAfterTheIdlePoll()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, 5, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);
        await DispatchAsync();
        // One slot per workspace, and the test clock never reaches the end of an idle poll: only a finished send can wake the worker.
        var worker = ActivatorUtilities.CreateInstance<DeliveryWorker>(
            App.Services,
            Options.Create(new PromptOptions { ClaimBatchSize = 1, SendConcurrency = 4, SendConcurrencyPerWorkspace = 1, IdlePoll = TimeSpan.FromHours(1) }));

        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await SentCountAsync() < 5 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }

        Assert.Equal(5, await SentCountAsync());
        await using var read = PromptWorld.Db(_db);
        Assert.Equal(5, await read.ConsoleMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OneClaim_TakesAtMostEachWorkspacesShare_CountingItsSendsInFlight()
    {
        var big = await PromptWorld.WorkspaceAsync(_db, externalId: "big");
        var small = await PromptWorld.WorkspaceAsync(_db, externalId: "small");
        await PromptWorld.PeopleAsync(_db, big, 6, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);
        await PromptWorld.PeopleAsync(_db, small, 6, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);
        await DispatchAsync();
        await using var db = PromptWorld.Db(_db);
        var cancel = TestContext.Current.CancellationToken;

        // The big workspace already sends 2 of its share of 3; the small one sends nothing yet.
        var claims = await DeliveryQueue.ClaimAsync(db, NineInBerlin, TimeSpan.FromMinutes(2), 10, new Dictionary<Guid, int> { [big.Id] = 2 }, 3, cancel);

        Assert.Equal(1, claims.Count(c => c.WorkspaceId == big.Id));
        Assert.Equal(3, claims.Count(c => c.WorkspaceId == small.Id));

        // Without a share (the dev console's step-by-step rounds), a claim takes up to its limit.
        var rest = await DeliveryQueue.ClaimAsync(db, NineInBerlin, TimeSpan.FromMinutes(2), 10, new Dictionary<Guid, int>(), null, cancel);
        Assert.Equal(8, rest.Count);
        Assert.Empty(claims.Select(c => c.Id).Intersect(rest.Select(c => c.Id)));
    }

    private async Task<int> SentCountAsync()
    {
        await using var read = PromptWorld.Db(_db);
        return await read.PromptDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent, TestContext.Current.CancellationToken);
    }

    private async Task DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
    }

    private Task<int> WorkerRoundAsync() =>
        ActivatorUtilities.CreateInstance<DeliveryWorker>(App.Services).RunOnceAsync(TestContext.Current.CancellationToken);
}
