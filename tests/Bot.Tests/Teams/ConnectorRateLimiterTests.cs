using System.Threading.RateLimiting;
using MicroMove.Bot.Teams;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>
/// Client-side limits follow Teams': 7 per second per conversation, 50 per second per tenant, the tenant's
/// counted again at the posting gate, by when posts leave.
/// </summary>
public sealed class ConnectorRateLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task EighthSendToOneConversationWithinASecond_MustWait_OtherConversationsNeedNot()
    {
        await using var limiter = new ConnectorRateLimiter(TimeProvider.System);
        var conversation = new ConnectorTarget("tenant-a", "a:one");

        var granted = Enumerable.Range(0, 7).Select(_ => limiter.AttemptAcquire(conversation)).ToList();
        using var eighth = limiter.AttemptAcquire(conversation);
        using var elsewhere = limiter.AttemptAcquire(conversation with { ConversationId = "a:two" });

        Assert.All(granted, lease => Assert.True(lease.IsAcquired));
        Assert.False(eighth.IsAcquired);
        Assert.True(elsewhere.IsAcquired);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task FiftyFirstCallForOneTenantWithinASecond_MustWait_OtherTenantsNeedNot()
    {
        await using var limiter = new ConnectorRateLimiter(TimeProvider.System);

        var granted = Enumerable.Range(0, 50).Select(i => limiter.AttemptAcquire(new ConnectorTarget("tenant-a", $"a:{i}"))).ToList();
        using var fiftyFirst = limiter.AttemptAcquire(new ConnectorTarget("tenant-a", "a:another"));
        using var otherTenant = limiter.AttemptAcquire(new ConnectorTarget("tenant-b", "a:another"));

        Assert.All(granted, lease => Assert.True(lease.IsAcquired));
        Assert.False(fiftyFirst.IsAcquired);
        Assert.True(otherTenant.IsAcquired);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task AcquireAsync_WaitsForThePermitInsteadOfFailing()
    {
        await using var limiter = new ConnectorRateLimiter(TimeProvider.System);
        var conversation = new ConnectorTarget("tenant-a", "a:one");
        var granted = Enumerable.Range(0, 7).Select(_ => limiter.AttemptAcquire(conversation)).ToList();

        using var waited = await limiter.AcquireAsync(conversation, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.True(waited.IsAcquired);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task PostingGate_KeepsPostsToFiftyInAnySecond_WhenEarlierCheckpointsTookLongerThanLaterOnes()
    {
        var clock = new FakeTimeProvider();
        await using var limiter = new ConnectorRateLimiter(clock);

        // The first 50 sends' checkpoints take 30–79 ms, the next 50's 0–4 ms: admitted a window after the
        // first ones, they reach the gate less than a second after them.
        var sends = new SimulatedSends(limiter, clock, Enumerable.Range(0, 100).Select(i => Ms(i < 50 ? 30 + i : i % 5)));
        while (sends.Now < 2 * Second)
        {
            var at = sends.Now;
            sends.Step();

            // Until 2 s every second-batch post that has left left within the last second: none is counted
            // outside its window, and one that left but was not seen yet only lowers the count.
            var recent = sends.LeftBy.Count(left => left > at - Second);
            Assert.True(recent <= 50, $"{recent} posts left in the second up to {at.TotalMilliseconds} ms");
        }

        Assert.Equal(100, sends.Admitted);
        await sends.AllThroughAsync();
    }

    [Fact]
    public async Task PostingGate_AddsNoWait_WhenAdmissionAlreadySpacedThePosts()
    {
        var clock = new FakeTimeProvider();
        await using var limiter = new ConnectorRateLimiter(clock);

        // Checkpoints of one length: posts reach the gate as admission spaced them, three windows' worth.
        var sends = new SimulatedSends(limiter, clock, Enumerable.Repeat(Ms(15), 150));
        while (sends.Now < 4 * Second)
        {
            var at = sends.Now;
            Assert.All(sends.Step(), slot => Assert.True(slot.IsCompletedSuccessfully, $"a post waited at the gate at {at.TotalMilliseconds} ms"));
        }

        Assert.Equal(150, sends.Admitted);
        await sends.AllThroughAsync();
    }

    [Fact]
    public async Task PostingGate_IsPerTenant()
    {
        var clock = new FakeTimeProvider();
        await using var limiter = new ConnectorRateLimiter(clock);
        var slots = new List<RateLimitLease>();
        for (var i = 0; i < 50; i++)
        {
            slots.Add(await limiter.AcquirePostingSlotAsync(new ConnectorTarget("tenant-a", $"a:{i}"), TestContext.Current.CancellationToken));
        }

        var fiftyFirst = limiter.AcquirePostingSlotAsync(new ConnectorTarget("tenant-a", "a:another"), TestContext.Current.CancellationToken).AsTask();
        var otherTenant = limiter.AcquirePostingSlotAsync(new ConnectorTarget("tenant-b", "a:another"), TestContext.Current.CancellationToken);

        Assert.All(slots, slot => Assert.True(slot.IsAcquired));
        Assert.True(otherTenant.IsCompletedSuccessfully);
        using var otherSlot = await otherTenant;
        Assert.True(otherSlot.IsAcquired);
        Assert.False(fiftyFirst.IsCompleted);
        clock.Advance(2 * Second);
        using var late = await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(late.IsAcquired);
        slots.ForEach(slot => slot.Dispose());
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>
    /// Sends to one tenant (each to its own conversation), in 1 ms steps of the fake clock: admitted in order as soon as
    /// the limiter has a permit, held by their checkpoint for its given length, then through the posting gate.
    /// </summary>
    private sealed class SimulatedSends(ConnectorRateLimiter limiter, FakeTimeProvider clock, IEnumerable<TimeSpan> checkpoints)
    {
        private readonly Send[] _sends = checkpoints.Select((checkpoint, i) => new Send(new ConnectorTarget("tenant-a", $"a:{i}"), checkpoint)).ToArray();
        private readonly long _start = clock.GetTimestamp();

        public TimeSpan Now => clock.GetElapsedTime(_start);

        public int Admitted => _sends.Count(send => send.AdmittedAt is not null);

        /// <summary>For each post seen through the gate, the step at which it was first seen: when it left, or a little after.</summary>
        public IEnumerable<TimeSpan> LeftBy => _sends.Select(send => send.LeftBy).OfType<TimeSpan>();

        /// <summary>Admits, lets through the checkpoint what is due, notes what left, then moves the clock a millisecond; answers the gate's slots taken in this step.</summary>
        public List<Task<RateLimitLease>> Step()
        {
            var now = Now;
            foreach (var send in _sends.Where(send => send.AdmittedAt is null))
            {
                using var permit = limiter.AttemptAcquire(send.Target);
                if (!permit.IsAcquired)
                {
                    break;
                }

                send.AdmittedAt = now;
            }

            var taken = new List<Task<RateLimitLease>>();
            foreach (var send in _sends.Where(send => send.Slot is null && now >= send.AdmittedAt + send.Checkpoint))
            {
                send.Slot = limiter.AcquirePostingSlotAsync(send.Target, TestContext.Current.CancellationToken).AsTask();
                taken.Add(send.Slot);
            }

            foreach (var send in _sends.Where(send => send.LeftBy is null && send.Slot is { IsCompleted: true }))
            {
                send.LeftBy = now;
            }

            clock.Advance(Ms(1));
            return taken;
        }

        public async Task AllThroughAsync()
        {
            clock.Advance(2 * Second);
            foreach (var send in _sends)
            {
                var slot = send.Slot;
                Assert.NotNull(slot);
                using var lease = await slot.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                Assert.True(lease.IsAcquired);
            }
        }

        private sealed class Send(ConnectorTarget target, TimeSpan checkpoint)
        {
            public ConnectorTarget Target => target;

            public TimeSpan Checkpoint => checkpoint;

            public TimeSpan? AdmittedAt { get; set; }

            public Task<RateLimitLease>? Slot { get; set; }

            public TimeSpan? LeftBy { get; set; }
        }
    }
}
