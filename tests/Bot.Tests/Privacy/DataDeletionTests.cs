using System.Net;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Rendering;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Slack;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Privacy;

/// <summary>
/// <c>delete-my-data</c> below the platforms, on the real PostgreSQL: a confirmed deletion removes
/// every row of the person in one go and nothing of anyone else; keeping, someone else's press, a
/// second press and a stale confirmation delete nothing and never create anyone.
/// </summary>
public sealed class DataDeletionTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstSet = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly CapturingLoggerProvider _logs = new();
    private string _db = string.Empty;
    private MicroMoveApp? _app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _db = await server.CreateMigratedDatabaseAsync();
        _app = new MicroMoveApp(_db, services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<ILoggerProvider>(_logs);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Confirmed_RemovesEveryRowOfThePerson_NothingOfAnyoneElse_AndNoPromptFollows()
    {
        var tenant = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Teams, "tenant-a");
        var elsewhere = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-OTHER");
        var megan = await PrivacyWorld.PersonAsync(_db, tenant, "aad-megan", 3, FirstSet, "Megan's week", Now.AddMinutes(30));
        var colleague = await PrivacyWorld.PersonAsync(_db, tenant, "aad-colleague", 2, FirstSet, "Colleague's week", Now.AddMinutes(30));
        var stranger = await PrivacyWorld.PersonAsync(_db, elsewhere, "U-STRANGER", 4, FirstSet, "Stranger's week", Now.AddMinutes(30));
        await SeedTeamsConversationsAsync();
        var exportUrl = (await TextAsync(megan, "export")).Messages.OfType<DataExportMessage>().Single().DownloadUrl;

        var confirmation = Assert.IsType<DeleteConfirmationMessage>(Assert.Single((await TextAsync(megan, "delete my data")).Messages));
        Assert.Contains("3 logged sets", confirmation.WhatGoes);
        Assert.Contains("4 prompts and summaries sent to you", confirmation.WhatGoes);
        Assert.Contains("your place in 1 challenge", confirmation.WhatGoes);
        Assert.Equal(confirmation.Reference, confirmation.Delete.Reference);
        var reply = await AnswerAsync(tenant.Id, "aad-megan", confirmation.Delete);

        Assert.Empty(reply.Messages);
        Assert.Equal(DataRequests.Deleted, Assert.IsType<NoticeMessage>(reply.Update?.Message).Text);
        Assert.Equal((0, 0, 0, 0), await PrivacyWorld.LeftOfAsync(_db, megan.Id));
        Assert.Equal((1, 2, 3, 1), await PrivacyWorld.LeftOfAsync(_db, colleague.Id));
        Assert.Equal((1, 4, 5, 1), await PrivacyWorld.LeftOfAsync(_db, stranger.Id));
        await using (var db = PromptWorld.Db(_db))
        {
            // The challenge she started stays for its channel, with the boards owed to it; her Teams references go or lose her ids.
            var started = await db.Challenges.AsNoTracking().SingleAsync(c => c.Title == "Megan's week", Cancel);
            Assert.Equal(1, await db.PromptDeliveries.CountAsync(d => d.ChallengeId == started.Id && d.PersonId == null, Cancel));
            var conversations = await db.TeamsConversations.AsNoTracking().OrderBy(c => c.ConversationId).ToListAsync(Cancel);
            Assert.Equal(["19:channel@thread.tacv2", "a:colleague-personal"], conversations.Select(c => c.ConversationId));
            Assert.Null(conversations[0].UserId);
            Assert.Null(conversations[0].AadObjectId);
            Assert.Equal("aad-colleague", conversations[1].AadObjectId);
        }

        Assert.Contains(_logs.Lines, line => line.Contains($"Deleted person {megan.Id} of workspace {tenant.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("Name of aad-megan", StringComparison.Ordinal));

        // Her next slot comes and goes: only the others are prompted.
        _clock.SetUtcNow(Now.AddMinutes(31));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(Cancel);
        }

        var deliveries = await PromptWorld.DeliveriesAsync(_db);
        Assert.DoesNotContain(deliveries, d => d.PersonId == megan.Id);
        Assert.Equal(4, deliveries.Count(d => d.PersonId == colleague.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(exportUrl.PathAndQuery, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Keep_DeletesNothing_AndSaysSo()
    {
        var workspace = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-KEEP");
        var ada = await PrivacyWorld.PersonAsync(_db, workspace, "U-ADA", 2, FirstSet, "Ada's week", Now.AddHours(1));
        var confirmation = await ConfirmationAsync(ada);

        var reply = await AnswerAsync(workspace.Id, "U-ADA", confirmation.Keep);

        Assert.Equal(DataRequests.Kept, Assert.IsType<NoticeMessage>(reply.Update?.Message).Text);
        Assert.Equal((1, 2, 3, 1), await PrivacyWorld.LeftOfAsync(_db, ada.Id));
    }

    [Fact]
    public async Task SomeoneElsesConfirmation_DeletesNeitherTheirDataNorThePressers_AndLeavesTheCardAlone()
    {
        var workspace = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-CHANNEL");
        var ada = await PrivacyWorld.PersonAsync(_db, workspace, "U-ADA", 2, FirstSet, "Ada's week", Now.AddHours(1));
        var grace = await PrivacyWorld.PersonAsync(_db, workspace, "U-GRACE", 1, FirstSet, "Grace's week", Now.AddHours(1));
        var adas = await ConfirmationAsync(ada);

        var reply = await AnswerAsync(workspace.Id, "U-GRACE", adas.Delete);
        // A hand-made reference with Ada's person id but no valid tag is not hers either.
        var forged = await AnswerAsync(workspace.Id, "U-GRACE", adas.Delete with { Reference = $"{ada.Id:N}.AAAAAAAAAAAAAAAA" });

        Assert.Null(reply.Update);
        Assert.Contains("isn't yours", Assert.IsType<NoticeMessage>(Assert.Single(reply.Messages)).Text, StringComparison.Ordinal);
        Assert.Null(forged.Update);
        Assert.Equal((1, 2, 3, 1), await PrivacyWorld.LeftOfAsync(_db, ada.Id));
        Assert.Equal((1, 1, 2, 1), await PrivacyWorld.LeftOfAsync(_db, grace.Id));
    }

    [Fact]
    public async Task SecondPress_SaysItIsAlreadyDeleted_AndCreatesNoOne()
    {
        var workspace = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-TWICE");
        var ada = await PrivacyWorld.PersonAsync(_db, workspace, "U-ADA", 2, FirstSet, "Ada's week", Now.AddHours(1));
        var confirmation = await ConfirmationAsync(ada);

        var presses = await Task.WhenAll(AnswerAsync(workspace.Id, "U-ADA", confirmation.Delete), AnswerAsync(workspace.Id, "U-ADA", confirmation.Delete));
        var third = await AnswerAsync(workspace.Id, "U-ADA", confirmation.Delete);
        var keepAfterwards = await AnswerAsync(workspace.Id, "U-ADA", confirmation.Keep);

        Assert.Equal(
            [DataRequests.AlreadyDeleted, DataRequests.Deleted],
            presses.Select(p => Assert.IsType<NoticeMessage>(p.Update?.Message).Text).Order(StringComparer.Ordinal));
        Assert.Equal(DataRequests.AlreadyDeleted, Assert.IsType<NoticeMessage>(third.Update?.Message).Text);
        Assert.Equal(DataRequests.AlreadyDeleted, Assert.IsType<NoticeMessage>(keepAfterwards.Update?.Message).Text);
        await using var db = PromptWorld.Db(_db);
        Assert.False(await db.People.AnyAsync(p => p.WorkspaceId == workspace.Id, Cancel));
        Assert.Single(_logs.Lines, line => line.Contains($"Deleted person {ada.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConfirmationFromBeforeARecreation_DeletesNothingNew_WhileTheNewOneWorks()
    {
        var workspace = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-AGAIN");
        var ada = await PrivacyWorld.PersonAsync(_db, workspace, "U-ADA", 2, FirstSet, "Ada's week", Now.AddHours(1));
        var old = await ConfirmationAsync(ada);
        await AnswerAsync(workspace.Id, "U-ADA", old.Delete);

        // She writes again: created afresh, as on first contact.
        PersonEntity again;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var (person, created) = await scope.ServiceProvider.GetRequiredService<People>().EnsureAsync(workspace.Id, "U-ADA", "Ada", "Europe/Berlin", Cancel);
            Assert.True(created);
            again = person;
        }

        await TextAsync(again, "now");
        var stale = await AnswerAsync(workspace.Id, "U-ADA", old.Delete);

        Assert.NotEqual(ada.Id, again.Id);
        Assert.Contains("from before", Assert.IsType<NoticeMessage>(stale.Update?.Message).Text, StringComparison.Ordinal);
        Assert.Equal(1, (await PrivacyWorld.LeftOfAsync(_db, again.Id)).Deliveries);
        var fresh = await ConfirmationAsync(again);
        Assert.Equal(DataRequests.Deleted, Assert.IsType<NoticeMessage>((await AnswerAsync(workspace.Id, "U-ADA", fresh.Delete)).Update?.Message).Text);
        Assert.Equal((0, 0, 0, 0), await PrivacyWorld.LeftOfAsync(_db, again.Id));
    }

    private async Task<ConversationReply> TextAsync(PersonEntity person, string text)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Conversations>().HandleTextAsync(person, text, string.Empty, Cancel);
    }

    private async Task<DeleteConfirmationMessage> ConfirmationAsync(PersonEntity person) =>
        Assert.IsType<DeleteConfirmationMessage>(Assert.Single((await TextAsync(person, "delete-my-data")).Messages));

    private async Task<ConversationReply> AnswerAsync(Guid workspaceId, string userId, MessageAction button)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Conversations>().AnswerDeletionAsync(
            workspaceId, userId, new ParsedAction(button.Kind, button.Reference, button.Value), string.Empty, Cancel);
    }

    private async Task SeedTeamsConversationsAsync()
    {
        await using var db = PromptWorld.Db(_db);
        db.TeamsConversations.AddRange(
            new TeamsConversationEntity
            {
                ConversationId = "a:megan-personal", ServiceUrl = "https://smba.trafficmanager.net/emea/", TenantId = "tenant-a",
                ConversationType = "personal", UserId = "29:megan", AadObjectId = "aad-megan", LastSeenAt = Now,
            },
            new TeamsConversationEntity
            {
                ConversationId = "19:channel@thread.tacv2", ServiceUrl = "https://smba.trafficmanager.net/emea/", TenantId = "tenant-a",
                ConversationType = "channel", UserId = "29:megan", AadObjectId = "aad-megan", LastSeenAt = Now,
            },
            new TeamsConversationEntity
            {
                ConversationId = "a:colleague-personal", ServiceUrl = "https://smba.trafficmanager.net/emea/", TenantId = "tenant-a",
                ConversationType = "personal", UserId = "29:colleague", AadObjectId = "aad-colleague", LastSeenAt = Now,
            });
        await db.SaveChangesAsync(Cancel);
    }
}
