using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Challenges;

/// <summary>
/// A challenge's daily board and its results travel the prompts' durable path: two hosts dispatching
/// and delivering at the same time post each exactly once, to the channel, counted from the log.
/// </summary>
public sealed class ChallengeUpdateDeliveryTests(PostgresServer server)
{
    private const string Channel = "channel:team";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DailyBoard_TwoHostsDispatchAndDeliverTwice_PostedOnce_WithTheDaysPoints()
    {
        var db = await server.CreateMigratedDatabaseAsync();
        var (challenge, ada) = await SeedAsync(db, days: 2);
        await LogSetsAsync(db, ada, 5);

        await RunTwoHostsAsync(db);

        await using var read = PromptWorld.Db(db);
        var delivery = Assert.Single(await read.PromptDeliveries.AsNoTracking().Where(d => d.ChallengeId == challenge.Id).ToListAsync(Cancel));
        Assert.Equal(DeliveryKind.ChallengeUpdate, delivery.Kind);
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Null(delivery.PersonId);
        Assert.EndsWith("/leaderboard", delivery.SlotKey, StringComparison.Ordinal);
        var posted = Assert.Single(await read.ConsoleMessages.AsNoTracking().Where(m => m.ConversationId == Channel).ToListAsync(Cancel));
        Assert.Equal("challenge-card", posted.Kind);
        // Five sets today, goal 3: three points, one day on goal — counts only, no fatigue.
        Assert.Contains("Person 0 3 pts · 1 day on goal", posted.FallbackText, StringComparison.Ordinal);
        Assert.DoesNotContain("fatigue", posted.FallbackText, StringComparison.OrdinalIgnoreCase);
        var after = await read.Challenges.AsNoTracking().SingleAsync(Cancel);
        Assert.True(after.Active);
        Assert.True(after.NextUpdateAt > delivery.DueAt);
        Assert.Equal(posted.Id.ToString("N"), after.CardMessageRef);
    }

    [Fact]
    public async Task LastDay_TwoHosts_ResultsPostedOnce_AndTheChallengeEnds()
    {
        var db = await server.CreateMigratedDatabaseAsync();
        var (challenge, _) = await SeedAsync(db, days: 1);

        await RunTwoHostsAsync(db);

        await using var read = PromptWorld.Db(db);
        var delivery = Assert.Single(await read.PromptDeliveries.AsNoTracking().Where(d => d.ChallengeId == challenge.Id).ToListAsync(Cancel));
        Assert.Equal(DeliveryKind.ChallengeResults, delivery.Kind);
        Assert.Equal(ChallengeDispatcher.ResultsSlot, delivery.SlotKey);
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        var posted = Assert.Single(await read.ConsoleMessages.AsNoTracking().Where(m => m.ConversationId == Channel).ToListAsync(Cancel));
        Assert.StartsWith("🏁 Results: Desk week", posted.FallbackText, StringComparison.Ordinal);
        var ended = await read.Challenges.AsNoTracking().SingleAsync(Cancel);
        Assert.False(ended.Active);
        Assert.Null(ended.NextUpdateAt);
        Assert.NotNull(ended.EndedAt);
    }

    [Fact]
    public async Task DailyBoard_OfAChallengeEndedEarly_IsNotPosted()
    {
        var db = await server.CreateMigratedDatabaseAsync();
        var (challenge, _) = await SeedAsync(db, days: 2);
        await using (var host = new MicroMoveApp(db))
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ChallengeDispatcher>().DispatchDueAsync(Cancel);
        }

        await using (var edit = PromptWorld.Db(db))
        {
            await edit.Challenges.ExecuteUpdateAsync(set => set.SetProperty(c => c.Active, false).SetProperty(c => c.EndedAt, DateTimeOffset.UnixEpoch), Cancel);
        }

        await RunTwoHostsAsync(db);

        await using var read = PromptWorld.Db(db);
        var delivery = Assert.Single(await read.PromptDeliveries.AsNoTracking().Where(d => d.ChallengeId == challenge.Id).ToListAsync(Cancel));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("ended", delivery.LastError, StringComparison.Ordinal);
        Assert.Empty(await read.ConsoleMessages.AsNoTracking().ToListAsync(Cancel));
    }

    /// <summary>Two hosts each dispatch and run a delivery round, at the same time, twice.</summary>
    private static async Task RunTwoHostsAsync(string db)
    {
        await using var first = new MicroMoveApp(db);
        await using var second = new MicroMoveApp(db);
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(DispatchAsync(first), DispatchAsync(second));
            await Task.WhenAll(DeliverAsync(first), DeliverAsync(second));
        }
    }

    private static async Task DispatchAsync(MicroMoveApp host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChallengeDispatcher>().DispatchDueAsync(Cancel);
    }

    private static async Task DeliverAsync(MicroMoveApp host) =>
        await ActivatorUtilities.CreateInstance<DeliveryWorker>(host.Services).RunOnceAsync(Cancel);

    /// <summary>
    /// A console-workspace challenge in UTC whose first update came due a minute ago (today, UTC), every
    /// day a work day, with its one participant in it.
    /// </summary>
    private static async Task<(ChallengeEntity Challenge, PersonEntity Ada)> SeedAsync(string db, int days)
    {
        var workspace = await PromptWorld.WorkspaceAsync(db);
        var ada = (await PromptWorld.PeopleAsync(db, workspace, 1, WorkSchedule.Default("Etc/UTC") with { WorkDays = Enum.GetValues<DayOfWeek>().ToHashSet() }, null))[0];
        var updateAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var today = DateOnly.FromDateTime(updateAt.UtcDateTime);
        var challenge = new ChallengeEntity
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspace.Id,
            ChannelId = Channel,
            Title = "Desk week",
            CreatedByPersonId = ada.Id,
            StartsOn = today,
            EndsOn = today.AddDays(days - 1),
            Days = days,
            WorkDays = [0, 1, 2, 3, 4, 5, 6],
            DailyGoal = 3,
            TimeZoneId = "Etc/UTC",
            UpdateTime = TimeOnly.FromDateTime(updateAt.UtcDateTime),
            NextUpdateAt = new DateTimeOffset(today.ToDateTime(TimeOnly.FromDateTime(updateAt.UtcDateTime)), TimeSpan.Zero),
            CreatedAt = updateAt.AddHours(-1),
        };
        await using var write = PromptWorld.Db(db);
        write.Challenges.Add(challenge);
        write.ChallengeParticipants.Add(new ChallengeParticipantEntity { ChallengeId = challenge.Id, PersonId = ada.Id, JoinedAt = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        await write.SaveChangesAsync(Cancel);
        return (challenge, ada);
    }

    private static async Task LogSetsAsync(string db, PersonEntity person, int count)
    {
        var updateAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var startOfDay = new DateTimeOffset(DateOnly.FromDateTime(updateAt.UtcDateTime).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var write = PromptWorld.Db(db);
        for (var i = 0; i < count; i++)
        {
            // Spread over the part of today before the update; fatigue is recorded but must never show.
            write.LogEntries.Add(new LogEntryEntity
            {
                PersonId = person.Id,
                SourceKey = $"instant:test-{i}",
                DoneAt = startOfDay + ((updateAt - startOfDay) * (i + 1) / (count + 1)),
                Movements = ["ankle-pumps"],
                FatigueBefore = 4,
                FatigueAfter = 2,
            });
        }

        await write.SaveChangesAsync(Cancel);
    }
}
