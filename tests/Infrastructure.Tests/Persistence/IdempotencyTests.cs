using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroMove.Infrastructure.Tests.Persistence;

/// <summary>A second insert of the same fact is a no-op, enforced by the database itself.</summary>
public sealed class IdempotencyTests(PostgresServer server) : IAsyncLifetime
{
    private string _connectionString = string.Empty;
    private Guid _personId;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateMigratedDatabaseAsync();
        await using var db = TestData.Context(_connectionString);
        var person = TestData.Person(TestData.Workspace());
        db.People.Add(person);
        await db.SaveChangesAsync();
        _personId = person.Id;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Delivery_SameSlotTwice_IsStoredOnce()
    {
        Assert.True(await AddDeliveryAsync("2026-11-25T09:30/every-30-minutes"));
        Assert.False(await AddDeliveryAsync("2026-11-25T09:30/every-30-minutes"));
        Assert.True(await AddDeliveryAsync("2026-11-25T10:00/every-30-minutes"));

        await using var db = TestData.Context(_connectionString);
        Assert.Equal(2, await db.PromptDeliveries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LogEntry_SameSourceKeyTwice_IsRecordedOnce()
    {
        Assert.True(await AddLogEntryAsync("delivery:abc", 2, 4));
        Assert.False(await AddLogEntryAsync("delivery:abc", 2, 4));

        await using var db = TestData.Context(_connectionString);
        var entry = Assert.Single(await db.LogEntries.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((short)2, entry.FatigueBefore);
    }

    [Fact]
    public async Task InboundEvent_SameIdTwice_IsProcessedOnce()
    {
        async Task<bool> MarkAsync(ChatPlatform platform, string id)
        {
            await using var db = TestData.Context(_connectionString);
            db.ProcessedInboundEvents.Add(new ProcessedInboundEventEntity { Platform = platform, EventId = id, ReceivedAt = TestData.Now });
            return await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(await MarkAsync(ChatPlatform.Slack, "Ev01"));
        Assert.False(await MarkAsync(ChatPlatform.Slack, "Ev01"));
        Assert.True(await MarkAsync(ChatPlatform.Teams, "Ev01"));
    }

    [Fact]
    public async Task ChallengeParticipant_JoiningTwice_IsOneParticipant()
    {
        await using (var db = TestData.Context(_connectionString))
        {
            var workspaceId = await db.People.Where(p => p.Id == _personId).Select(p => p.WorkspaceId).SingleAsync(TestContext.Current.CancellationToken);
            db.Challenges.Add(new ChallengeEntity
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                ChannelId = "C123",
                Title = "Move more",
                CreatedByPersonId = _personId,
                StartsOn = new DateOnly(2026, 11, 23),
                EndsOn = new DateOnly(2026, 11, 27),
                DailyGoal = 4,
                CreatedAt = TestData.Now,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        async Task<bool> JoinAsync()
        {
            await using var db = TestData.Context(_connectionString);
            var challengeId = await db.Challenges.Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
            db.ChallengeParticipants.Add(new ChallengeParticipantEntity { ChallengeId = challengeId, PersonId = _personId, JoinedAt = TestData.Now });
            return await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(await JoinAsync());
        Assert.False(await JoinAsync());
    }

    [Fact]
    public async Task Person_SameUserIdInAnotherWorkspace_IsADifferentPerson()
    {
        await using var db = TestData.Context(_connectionString);
        var other = TestData.Workspace("T0002");
        db.People.Add(TestData.Person(other));
        Assert.True(await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken));

        var workspace = await db.Workspaces.SingleAsync(w => w.ExternalId == "T0001", TestContext.Current.CancellationToken);
        db.People.Add(TestData.Person(workspace));
        Assert.False(await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Workspace_SameTeamOnTheSamePlatform_IsStoredOnce()
    {
        await using var db = TestData.Context(_connectionString);
        db.Workspaces.Add(TestData.Workspace("T0001"));
        Assert.False(await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken));

        db.Workspaces.Add(TestData.Workspace("T0001", ChatPlatform.Teams));
        Assert.True(await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task LogEntry_FatigueOutsideOneToFive_IsRejectedByTheDatabase(short fatigue)
    {
        await using var db = TestData.Context(_connectionString);
        db.LogEntries.Add(new LogEntryEntity { PersonId = _personId, SourceKey = "instant:x", DoneAt = TestData.Now, FatigueBefore = fatigue });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal(PostgresErrorCodes.CheckViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    private async Task<bool> AddDeliveryAsync(string slotKey)
    {
        await using var db = TestData.Context(_connectionString);
        var person = await db.People.SingleAsync(p => p.Id == _personId, TestContext.Current.CancellationToken);
        db.PromptDeliveries.Add(TestData.Delivery(person, slotKey));
        return await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken);
    }

    private async Task<bool> AddLogEntryAsync(string sourceKey, short before, short after)
    {
        await using var db = TestData.Context(_connectionString);
        db.LogEntries.Add(new LogEntryEntity
        {
            PersonId = _personId,
            SourceKey = sourceKey,
            DoneAt = TestData.Now,
            Movements = ["ankle-pumps", "seated-cat-cow"],
            Routine = "every-30-minutes",
            FatigueBefore = before,
            FatigueAfter = after,
        });
        return await db.SaveUnlessDuplicateAsync(TestContext.Current.CancellationToken);
    }
}
