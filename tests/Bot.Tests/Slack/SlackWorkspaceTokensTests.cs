using MicroMove.Bot.Slack;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>Single-workspace mode (Slack__BotToken): the row appears on first need, keyed by auth.test's team, token sealed.</summary>
public sealed class SlackWorkspaceTokensTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SingleWorkspace_FirstNeed_StoresTheSealedTokenUnderAuthTestsTeam()
    {
        await using var harness = await SlackClientHarness.StartAsync(
            new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-single-workspace" },
            await server.CreateMigratedDatabaseAsync());
        harness.Api.Respond = _ => FakeSlackResponse.Json("""{"ok":true,"team":"Acme","team_id":"T777","user_id":"U0BOT","bot_id":"B0BOT"}""");

        SlackBotToken? first;
        using (var scope = harness.Services.CreateScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>().GetSingleWorkspaceTokenAsync(Cancel);
        }

        using var check = harness.Services.CreateScope();
        var tokens = check.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>();
        var again = await tokens.GetBotTokenAsync("T777", cancellationToken: Cancel);
        var other = await tokens.GetBotTokenAsync("T999", cancellationToken: Cancel);

        Assert.Equal("T777", first?.TeamId);
        Assert.Equal("xoxb-single-workspace", first?.Token);
        Assert.Equal("xoxb-single-workspace", again?.Token);
        Assert.Null(other);
        var authTests = harness.Api.Requests.Where(r => r.Path == "/api/auth.test").ToList();
        Assert.Equal("Bearer xoxb-single-workspace", Assert.Single(authTests).Authorization);
        var row = await check.ServiceProvider.GetRequiredService<MicroMoveDbContext>().Workspaces.SingleAsync(Cancel);
        Assert.Equal((ChatPlatform.Slack, "T777", "Acme", true), (row.Platform, row.ExternalId, row.Name, row.Active));
        Assert.Equal(
            "xoxb-single-workspace",
            check.ServiceProvider.GetRequiredService<CredentialProtector>().Unprotect(row.EncryptedCredentials ?? [], "slack:T777"));
    }

    [Fact]
    public async Task SingleWorkspace_AfterUninstall_HasNoToken()
    {
        await using var harness = await SlackClientHarness.StartAsync(
            new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-single-workspace" },
            await server.CreateMigratedDatabaseAsync());
        harness.Api.Respond = _ => FakeSlackResponse.Json("""{"ok":true,"team":"Acme","team_id":"T777"}""");
        using var scope = harness.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>();
        await tokens.GetSingleWorkspaceTokenAsync(Cancel);

        var deactivated = await tokens.DeactivateAsync("T777", "app_uninstalled", Cancel);

        Assert.Equal(1, deactivated);
        Assert.Null(await tokens.GetBotTokenAsync("T777", cancellationToken: Cancel));
    }
}
