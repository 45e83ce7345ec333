using MicroMove.Bot.Slack;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>deploy/slack/manifest.yaml stays in step with what the code asks for and listens to.</summary>
public sealed class SlackManifestTests
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "slack", "manifest.yaml"));

    [Fact]
    public void BotScopes_AreTheOnesTheOAuthInstallRequests()
    {
        var listed = ListUnder("    bot:");

        Assert.Equal(SlackOAuthEndpoints.BotScopes.Split(',').Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Events_CommandAndUrls_MatchTheRoutes()
    {
        Assert.Equal(["message.im", "app_mention", "app_home_opened", "app_uninstalled", "tokens_revoked"], ListUnder("    bot_events:"));
        Assert.Contains("messages_tab_enabled: true", Manifest, StringComparison.Ordinal);
        Assert.Contains("messages_tab_read_only_enabled: false", Manifest, StringComparison.Ordinal);
        Assert.Contains("home_tab_enabled: true", Manifest, StringComparison.Ordinal);
        Assert.Contains("- command: /micromove", Manifest, StringComparison.Ordinal);
        Assert.Contains("usage_hint:", Manifest, StringComparison.Ordinal);
        foreach (var route in new[] { "/slack/events", "/slack/commands", "/slack/interactions", "/slack/oauth/callback" })
        {
            Assert.Contains($"https://micromove.example.com{route}", Manifest, StringComparison.Ordinal);
        }
    }

    /// <summary>The "- item" lines right below a key line (a tiny reader for this one file, not YAML in general).</summary>
    private static List<string> ListUnder(string keyLine)
    {
        var lines = Manifest.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l == keyLine);
        Assert.True(start >= 0, $"'{keyLine.Trim()}' not found in the manifest");
        return [.. lines.Skip(start + 1)
            .Where(l => !l.TrimStart().StartsWith('#'))
            .TakeWhile(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l.Trim()[2..].Trim())];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroMove.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MicroMove.sln not found above the test output.");
    }
}
