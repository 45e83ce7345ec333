namespace MicroMove.Bot.Tests.DevConsole;

/// <summary>The page's vendored Adaptive Cards renderer is byte for byte the npm package the renderer tests use (3.0.6).</summary>
public sealed class VendoredRendererTests
{
    [Fact]
    public void VendoredFile_IsThePublishedPackage()
    {
        var root = RepositoryRoot();
        var published = Path.Combine(root, "tests", "Bot.Tests", "AdaptiveCardsRenderer", "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        Assert.SkipUnless(File.Exists(published), "npm ci --prefix tests/Bot.Tests/AdaptiveCardsRenderer has not run");

        var vendored = Path.Combine(root, "src", "Bot", "DevConsole", "Page", "adaptivecards.min.js");
        Assert.Equal(File.ReadAllBytes(published), File.ReadAllBytes(vendored));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(root, "src", "Bot", "DevConsole", "Page", "adaptivecards-LICENSE.txt")), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MicroMove.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("MicroMove.sln not found above the test assembly.");
    }
}
