using MicroMove.Bot.Slack;
using MicroMove.Bot.Tests.Prompts;
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

    [Fact]
    public async Task InboundLookup_IsCachedPerWorkspace_AndAReinstallReplacesTheCachedToken()
    {
        await using var harness = await SlackClientHarness.StartAsync(connectionString: await server.CreateMigratedDatabaseAsync());
        using var scope = harness.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>();
        await tokens.SaveInstallationAsync(Access("T100", "xoxb-first"), Cancel);
        await tokens.SaveInstallationAsync(Access("T200", "xoxb-other-workspace"), Cancel);

        var first = await tokens.FindInstalledAsync("T100", null, Cancel);
        var other = await tokens.FindInstalledAsync("T200", null, Cancel);
        await tokens.SaveInstallationAsync(Access("T100", "xoxb-rotated"), Cancel);
        var afterReinstall = await tokens.FindInstalledAsync("T100", null, Cancel);
        await tokens.DeactivateAsync("T100", "app_uninstalled", Cancel);
        var afterUninstall = await tokens.FindInstalledAsync("T100", null, Cancel);

        Assert.Equal(("T100", "xoxb-first"), (first?.ExternalId, first?.Token.Token));
        Assert.Equal(("T200", "xoxb-other-workspace"), (other?.ExternalId, other?.Token.Token));
        Assert.NotEqual(first?.Id, other?.Id);
        Assert.Equal("xoxb-rotated", afterReinstall?.Token.Token);
        Assert.Equal(first?.Id, afterReinstall?.Id);
        Assert.Null(afterUninstall);
        Assert.Equal("xoxb-other-workspace", (await tokens.FindInstalledAsync("T200", null, Cancel))?.Token.Token);
    }

    [Fact]
    public async Task InboundLookup_ReusesTheWorkspaceForItsCacheTime_ThenReadsItAgain()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using var harness = await SlackClientHarness.StartAsync(connectionString: connectionString);
        using var scope = harness.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<SlackWorkspaceTokens>();
        await tokens.SaveInstallationAsync(Access("T100", "xoxb-first"), Cancel);
        Assert.NotNull(await tokens.FindInstalledAsync("T100", null, Cancel));

        // Another replica uninstalls: only the database changes, this replica's cache does not hear of it.
        await using (var other = PromptWorld.Db(connectionString))
        {
            await other.Workspaces.ExecuteUpdateAsync(set => set.SetProperty(w => w.Active, false), Cancel);
        }

        var stillCached = await tokens.FindInstalledAsync("T100", null, Cancel);
        harness.Time.Advance(new SlackOptions().WorkspaceCacheTime + TimeSpan.FromSeconds(1));
        var expired = await tokens.FindInstalledAsync("T100", null, Cancel);

        Assert.NotNull(stillCached);
        Assert.Null(expired);
    }

    private static SlackOAuthAccess Access(string team, string token) =>
        new(token, "bot", "chat:write", "U0BOT", "A1", team, $"Team {team}", null, false, "U0INSTALLER");
}
