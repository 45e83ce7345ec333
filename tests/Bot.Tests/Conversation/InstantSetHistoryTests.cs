using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Rotation;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;

namespace MicroMove.Bot.Tests.Conversation;

/// <summary>
/// The instant set's one-round-trip history read sees exactly what the delivery pipeline's
/// <see cref="RotationHistories"/> sees for the same person: the same windows, kinds and statuses.
/// </summary>
public sealed class InstantSetHistoryTests(PostgresServer server)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnePersonsHistory_IsTheSameAsTheDeliveryPipelines()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateMigratedDatabaseAsync();
        var workspace = await PromptWorld.WorkspaceAsync(connectionString);
        var people = await PromptWorld.PeopleAsync(connectionString, workspace, 2, WorkSchedule.Default("Europe/Berlin"), null);
        var (alice, bob) = (people[0].Id, people[1].Id);
        await using (var db = PromptWorld.Db(connectionString))
        {
            db.PromptDeliveries.AddRange(
                Delivery(alice, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Sent, Now.AddHours(-1), "every-30-minutes", "ankle-pumps", "arm-windmills"),
                Delivery(alice, workspace.Id, DeliveryKind.InstantSet, DeliveryStatus.Sent, Now.AddMinutes(-10), null, "neck-flexion-extension-waves", "retired-movement", "ankle-pumps"),
                Delivery(alice, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Pending, Now.AddMinutes(20), "every-30-minutes", "arm-windmills"),
                Delivery(alice, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Sent, Now - InstantSetHistory.OfferedWindow + TimeSpan.FromMinutes(1), "start-of-day", "scapular-retraction-pulses"),
                Delivery(alice, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Sent, Now - InstantSetHistory.OfferedWindow - TimeSpan.FromMinutes(1), "start-of-day", "arm-windmills"),
                Delivery(alice, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Missed, Now.AddHours(-2), "every-30-minutes", "ankle-pumps"),
                Delivery(alice, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Failed, Now.AddHours(-3), "every-30-minutes", "ankle-pumps"),
                Delivery(alice, workspace.Id, DeliveryKind.WeeklySummary, DeliveryStatus.Sent, Now.AddHours(-4), null),
                Delivery(bob, workspace.Id, DeliveryKind.Prompt, DeliveryStatus.Sent, Now.AddHours(-1), "every-30-minutes", "ankle-pumps"));
            db.LogEntries.AddRange(
                Log(alice, Now.AddDays(-1), "every-30-minutes", 2, 4, "felt good", "ankle-pumps", "arm-windmills"),
                Log(alice, Now - InstantSetHistory.LogWindow + TimeSpan.FromMinutes(1), null, null, 3, null, "neck-flexion-extension-waves", "retired-movement"),
                Log(alice, Now - InstantSetHistory.LogWindow - TimeSpan.FromMinutes(1), "start-of-day", 5, 5, null, "arm-windmills"),
                Log(bob, Now.AddDays(-1), "every-30-minutes", 1, 1, null, "ankle-pumps"));
            await db.SaveChangesAsync(cancellationToken);
        }

        await using var dataSource = DatabaseRegistration.DataSource(connectionString);
        var (exists, instant) = await InstantSetHistory.LoadAsync(dataSource, alice, Now, cancellationToken);
        RotationHistory pipeline;
        await using (var db = PromptWorld.Db(connectionString))
        {
            pipeline = (await RotationHistories.LoadAsync(db, [alice], Now, cancellationToken))[alice];
        }

        Assert.True(exists);
        Assert.Equal(4, instant.Offered.Count); // the window's edge and the pending one in; missed, failed, summary, older and Bob's out
        Assert.Equal(2, instant.Log.Count);
        Assert.Equal(Describe(pipeline), Describe(instant));
    }

    [Fact]
    public async Task SomeoneWhoseRowIsGone_DoesNotExist_AndHasNoHistory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var dataSource = DatabaseRegistration.DataSource(await server.CreateMigratedDatabaseAsync());

        var (exists, history) = await InstantSetHistory.LoadAsync(dataSource, Guid.CreateVersion7(), Now, cancellationToken);

        Assert.False(exists);
        Assert.Empty(history.Offered);
        Assert.Empty(history.Log);
    }

    /// <summary>Order-independent text of a history (the rotation ignores order), movements in their order.</summary>
    private static string Describe(RotationHistory history) => string.Join('\n',
        history.Offered.Select(s => $"offered {s.OfferedAt:O} {s.Routine} {string.Join(',', s.Movements)}").Order(StringComparer.Ordinal)
            .Concat(history.Log.Select(e => $"logged {e.DoneAt:O} {e.Routine} {e.Before?.Value} {e.After?.Value} {e.Note} {string.Join(',', e.Movements)}").Order(StringComparer.Ordinal)));

    private static PromptDeliveryEntity Delivery(
        Guid person, Guid workspace, DeliveryKind kind, DeliveryStatus status, DateTimeOffset dueAt, string? routine, params string[] movements) => new()
        {
            PersonId = person,
            WorkspaceId = workspace,
            Kind = kind,
            Status = status,
            SlotKey = $"test/{Guid.CreateVersion7():N}",
            Routine = routine,
            DueAt = dueAt,
            Movements = [.. movements.Select((slug, i) => new DeliveredMovement(slug, 5 + i))],
            CreatedAt = dueAt,
        };

    private static LogEntryEntity Log(
        Guid person, DateTimeOffset doneAt, string? routine, short? before, short? after, string? note, params string[] movements) => new()
        {
            PersonId = person,
            SourceKey = $"test:{Guid.CreateVersion7():N}",
            DoneAt = doneAt,
            Routine = routine,
            FatigueBefore = before,
            FatigueAfter = after,
            Note = note,
            Movements = [.. movements],
        };
}
