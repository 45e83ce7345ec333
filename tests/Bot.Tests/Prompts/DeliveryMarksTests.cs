using MicroMove.Bot.Features.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>The "sending" and "sent" marks, written in groups for many sends at once, each still only for its own claim.</summary>
public sealed class DeliveryMarksTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset NineInBerlin = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(NineInBerlin);
    private string _db = string.Empty;
    private MicroMoveApp? _app;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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
    public async Task ManySendsAtOnce_EachIsMarkedOnlyWhileItsClaimIsStillTheSendersOwn()
    {
        var claims = await ClaimAsync(people: 60);
        var marks = App.Services.GetRequiredService<DeliveryMarks>();

        // Half of the senders hold a claim that was taken over meanwhile (another attempt is on the row now).
        var stale = claims.Where((_, i) => i % 2 == 1).Select(c => c with { Attempts = c.Attempts - 1 }).ToList();
        var current = claims.Where((_, i) => i % 2 == 0).ToList();
        var begun = await Task.WhenAll(current.Concat(stale).Select(marks.BeginSendingAsync));

        Assert.All(begun.Take(current.Count), Assert.True);
        Assert.All(begun.Skip(current.Count), Assert.False);
        var rows = await RowsAsync();
        Assert.All(current, c => Assert.Equal(DeliveryStatus.Sending, rows[c.Id].Status));
        Assert.All(current, c => Assert.Equal(NineInBerlin + TestOptions.Lease, rows[c.Id].LeaseUntil));
        Assert.All(stale, c => Assert.Equal(DeliveryStatus.Claimed, rows[c.Id].Status));

        // A second "sending" for a row that is sending already is refused: its send began once.
        Assert.False(await marks.BeginSendingAsync(current[0]));

        var sentAt = NineInBerlin.AddSeconds(3);
        var sent = await Task.WhenAll(current.Concat(stale).Select(c => marks.RecordSentAsync(c, sentAt, $"ref-{c.Id:N}")));

        Assert.All(sent.Take(current.Count), Assert.True);
        Assert.All(sent.Skip(current.Count), Assert.False);
        rows = await RowsAsync();
        Assert.All(current, c =>
        {
            Assert.Equal(DeliveryStatus.Sent, rows[c.Id].Status);
            Assert.Equal($"ref-{c.Id:N}", rows[c.Id].PlatformMessageRef);
            Assert.Equal(sentAt, rows[c.Id].SentAt);
            Assert.Null(rows[c.Id].LeaseUntil);
        });
        Assert.All(stale, c => Assert.Null(rows[c.Id].SentAt));
    }

    [Fact]
    public async Task StaleAndCurrentClaimsOfTheSameRows_InOneGroup_OnlyTheCurrentOnesBegin()
    {
        // Each row was claimed (attempt 1), outlived its lease and was claimed again (attempt 2) by the same node:
        // both holders ask at once, so the two claims of one row share a group statement.
        var first = await ClaimAsync(people: 30);
        await using (var db = PromptWorld.Db(_db))
        {
            var later = NineInBerlin + TestOptions.Lease + TimeSpan.FromSeconds(1);
            Assert.Equal(30, await DeliveryQueue.ReleaseExpiredClaimsAsync(db, later, Cancel));
            Assert.Equal(30, (await DeliveryQueue.ClaimAsync(db, later, TestOptions.Lease, 30, new Dictionary<Guid, int>(), null, Cancel)).Count);
        }

        var current = first.Select(c => c with { Attempts = c.Attempts + 1 }).ToList();
        var marks = App.Services.GetRequiredService<DeliveryMarks>();
        var begun = await Task.WhenAll(first.Zip(current).SelectMany(pair => new[] { marks.BeginSendingAsync(pair.First), marks.BeginSendingAsync(pair.Second) }));

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i % 2 == 1), begun);
    }

    [Fact]
    public async Task SentAfterTheLeaseRanOut_OverridesTheDoubtRecordedMeanwhile_ButNotAnotherFailure()
    {
        var claims = await ClaimAsync(people: 2);
        var marks = App.Services.GetRequiredService<DeliveryMarks>();
        Assert.All(await Task.WhenAll(claims.Select(marks.BeginSendingAsync)), Assert.True);

        // Both sends outlive their lease: the sweep fails them as uncertain; one of them was then failed for another reason.
        await using (var db = PromptWorld.Db(_db))
        {
            await DeliveryQueue.AbandonDeadSendsAsync(db, NineInBerlin + TestOptions.Lease + TimeSpan.FromSeconds(1), Cancel);
            await db.PromptDeliveries.Where(d => d.Id == claims[1].Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, "recipient unreachable: user_not_found"), Cancel);
        }

        Assert.True(await marks.RecordSentAsync(claims[0], NineInBerlin.AddMinutes(3), "late-but-posted"));
        Assert.False(await marks.RecordSentAsync(claims[1], NineInBerlin.AddMinutes(3), "late"));

        var rows = await RowsAsync();
        Assert.Equal(DeliveryStatus.Sent, rows[claims[0].Id].Status);
        Assert.Null(rows[claims[0].Id].LastError);
        Assert.Equal(DeliveryStatus.Failed, rows[claims[1].Id].Status);
    }

    [Fact]
    public async Task ClaimNotBegunBeforeItsLeaseRanOut_IsPendingAgain_AndTheNextClaimTakesItWithANewAttempt()
    {
        var claims = await ClaimAsync(people: 1);
        await using var db = PromptWorld.Db(_db);
        var later = NineInBerlin + TestOptions.Lease + TimeSpan.FromSeconds(1);

        Assert.Empty(await DeliveryQueue.ClaimAsync(db, later, TestOptions.Lease, 10, new Dictionary<Guid, int>(), null, Cancel));
        Assert.Equal(1, await DeliveryQueue.ReleaseExpiredClaimsAsync(db, later, Cancel));
        var again = Assert.Single(await DeliveryQueue.ClaimAsync(db, later, TestOptions.Lease, 10, new Dictionary<Guid, int>(), null, Cancel));

        Assert.Equal(claims[0].Id, again.Id);
        Assert.Equal(claims[0].Attempts + 1, again.Attempts);

        // The first claim's holder, back from its stall, may no longer begin the send.
        Assert.False(await App.Services.GetRequiredService<DeliveryMarks>().BeginSendingAsync(claims[0]));
    }

    private async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(int people)
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        await PromptWorld.PeopleAsync(_db, workspace, people, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(Cancel);
        }

        await using var db = PromptWorld.Db(_db);
        var claims = await DeliveryQueue.ClaimAsync(db, NineInBerlin, TestOptions.Lease, people, new Dictionary<Guid, int>(), null, Cancel);
        Assert.Equal(people, claims.Count);
        return claims;
    }

    private async Task<Dictionary<Guid, PromptDeliveryEntity>> RowsAsync() =>
        (await PromptWorld.DeliveriesAsync(_db)).ToDictionary(d => d.Id);

    private static class TestOptions
    {
        /// <summary>The lease the app runs with (PromptOptions' default), which "sending" renews.</summary>
        public static readonly TimeSpan Lease = new PromptOptions().Lease;
    }
}
