using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>Due people become deliveries — once, honouring their schedule — on the real PostgreSQL.</summary>
public sealed class PromptDispatcherTests(PostgresServer server) : IAsyncLifetime
{
    // Wednesday 25 Nov 2026, 09:00 in Berlin (UTC+1): the start-of-day slot.
    private static readonly DateTimeOffset NineInBerlin = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly WorkSchedule Berlin = WorkSchedule.Default("Europe/Berlin");

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
    public async Task DuePerson_GetsOneDeliveryWithThePlannedSet_AndTheirNextSlot()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NineInBerlin)).Single();

        var result = await DispatchAsync();

        Assert.Equal(new DispatchResult(1, 1, 0), result);
        var delivery = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal("2026-11-25T09:00/start-of-day", delivery.SlotKey);
        Assert.Equal("start-of-day", delivery.Routine);
        Assert.Equal(
            ["scapular-retraction-pulses", "neck-flexion-extension-waves", "arm-windmills", "ankle-pumps"],
            delivery.Movements.Select(m => m.Movement));
        Assert.NotNull(delivery.Tip);
        Assert.Equal(workspace.Id, delivery.WorkspaceId);
        // Next: the 30-minute set at 09:30 Berlin.
        Assert.Equal(NineInBerlin.AddMinutes(30), (await PromptWorld.PersonAsync(_db, person.Id)).NextPromptAt);
    }

    [Fact]
    public async Task DispatchRunTwiceForTheSameSlot_WritesOneDelivery()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NineInBerlin)).Single();
        await DispatchAsync();

        // As if a second node, or a re-run after a crash, saw the person due again.
        await using (var db = PromptWorld.Db(_db))
        {
            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextPromptAt, NineInBerlin), TestContext.Current.CancellationToken);
        }

        await DispatchAsync();

        Assert.Single(await PromptWorld.DeliveriesAsync(_db));
    }

    [Fact]
    public async Task AfterDowntime_OnlyTheLatestFreshSlotIsSent_TheRestAreMissed()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NineInBerlin);
        _clock.SetUtcNow(NineInBerlin.AddHours(3)); // 12:00 in Berlin: the 12:00 set is due right now

        var result = await DispatchAsync();

        var deliveries = await PromptWorld.DeliveriesAsync(_db);
        Assert.Equal(new DispatchResult(1, 1, 6), result);
        var sent = Assert.Single(deliveries, d => d.Status == DeliveryStatus.Pending);
        Assert.Equal("2026-11-25T12:00/every-30-minutes", sent.SlotKey);
        Assert.Equal(
            ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"],
            deliveries.Where(d => d.Status == DeliveryStatus.Missed).Select(d => d.SlotKey[11..16]));
        Assert.All(deliveries.Where(d => d.Status == DeliveryStatus.Missed), d => Assert.Empty(d.Movements));
    }

    [Fact]
    public async Task AfterDowntime_LatestSlotTooOld_NothingIsSent_AndTheNextSlotIsAfterLunch()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NineInBerlin)).Single();
        _clock.SetUtcNow(NineInBerlin.AddHours(3).AddMinutes(25)); // 12:25: the 12:00 set is 25 minutes old

        var result = await DispatchAsync();

        Assert.Equal(0, result.Queued);
        Assert.All(await PromptWorld.DeliveriesAsync(_db), d => Assert.Equal(DeliveryStatus.Missed, d.Status));
        // Lunch 12:30–13:15: the after-lunch set at 13:15 Berlin.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 15, 0, TimeSpan.Zero), (await PromptWorld.PersonAsync(_db, person.Id)).NextPromptAt);
    }

    [Fact]
    public async Task PausedPerson_GetsNothingUntilThePauseEnds()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var paused = Berlin with { PausedUntil = NineInBerlin.AddHours(2) };
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, paused, NineInBerlin)).Single();

        var result = await DispatchAsync();

        Assert.Equal(0, result.Queued);
        Assert.Empty(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal(NineInBerlin.AddHours(2), (await PromptWorld.PersonAsync(_db, person.Id)).NextPromptAt);
    }

    [Fact]
    public async Task EndOfFriday_NextPromptIsMondayMorning()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        // Friday 27 Nov, 17:20 Berlin: the end-of-day set.
        var fridayEndOfDay = new DateTimeOffset(2026, 11, 27, 16, 20, 0, TimeSpan.Zero);
        _clock.SetUtcNow(fridayEndOfDay);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, fridayEndOfDay)).Single();

        await DispatchAsync();

        Assert.Equal("end-of-day", Assert.Single(await PromptWorld.DeliveriesAsync(_db)).Routine);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), (await PromptWorld.PersonAsync(_db, person.Id)).NextPromptAt);
    }

    [Fact]
    public async Task DeactivatedWorkspace_GetsNothing_AndIsNoLongerScanned()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db, active: false);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NineInBerlin)).Single();

        await DispatchAsync();

        Assert.Empty(await PromptWorld.DeliveriesAsync(_db));
        Assert.Null((await PromptWorld.PersonAsync(_db, person.Id)).NextPromptAt);
    }

    [Fact]
    public async Task InactivePerson_IsNotDispatched()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NineInBerlin, active: false);

        var result = await DispatchAsync();

        Assert.Equal(DispatchResult.None, result);
        Assert.Empty(await PromptWorld.DeliveriesAsync(_db));
    }

    [Fact]
    public async Task ManyDuePeople_AreDispatchedInBatches_EachOnce()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, 1_203, Berlin, NineInBerlin);

        var result = await DispatchAsync();

        Assert.Equal(1_203, result.Queued);
        var deliveries = await PromptWorld.DeliveriesAsync(_db);
        Assert.Equal(1_203, deliveries.Count);
        Assert.Equal(1_203, deliveries.Select(d => d.PersonId).Distinct().Count());
    }

    private async Task<DispatchResult> DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
    }
}
