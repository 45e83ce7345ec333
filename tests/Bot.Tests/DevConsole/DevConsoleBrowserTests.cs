using System.Net;
using MicroMove.Bot.Tests.Hosting;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.Playwright;

namespace MicroMove.Bot.Tests.DevConsole;

/// <summary>
/// The console in a real browser against the built bot on a real Kestrel socket: jump to the next
/// slot, press Done on the Teams card, rate fatigue, and see the card and the week's log change.
/// Uses the machine's Chromium (<c>/usr/bin/chromium</c>); Playwright never downloads a browser.
/// </summary>
[Collection(BrowserCollection)]
public sealed class DevConsoleBrowserTests(PostgresServer server)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Browser tests run one at a time: each drives a bot process and a Chromium, too much for the machine at once.</summary>
    public const string BrowserCollection = "Browser";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(90);
    private const float ExpectLimit = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    public async Task JumpToNextSlot_Done_RateFatigue_UpdatesTheCardAndTheLog()
    {
        Assert.SkipUnless(File.Exists(ChromiumPath), $"{ChromiumPath} is missing (apt-get install -y chromium)");
        var db = await server.CreateMigratedDatabaseAsync();
        var port = PostgresServer.FreeLoopbackPort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__MicroMove"] = db,
            ["Security__CredentialKey"] = CredentialProtector.NewBase64Key(),
            ["DevConsole__Enabled"] = "true",
        });
        Assert.True(await WaitUntilReadyAsync(bot, new Uri($"{baseUrl}/dev/api/people")), bot.Output);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        // Waits, not speed checks: on a busy CI machine a jump's dispatch and delivery plus the page's
        // next poll can take longer than Playwright's 5 s default before the card shows.
        Assertions.SetDefaultExpectTimeout(ExpectLimit);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var screenshot = Path.Combine(OutputFolder(), "dev-console.png");

        try
        {
            await page.GotoAsync(baseUrl);
            await page.GetByTestId("person-ada").ClickAsync();
            await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Nothing logged this week yet.");

            await page.GetByTestId("jump-next").ClickAsync();
            var prompt = page.Locator("[data-kind=movement-prompt]").First;
            await Assertions.Expect(prompt.GetByTestId("teams-card")).ToBeVisibleAsync();
            var messageId = await prompt.GetAttributeAsync("data-message-id");

            await prompt.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Done", Exact = true }).ClickAsync();
            var card = page.Locator($"[data-message-id='{messageId}']");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-kind", "set-done");
            await Assertions.Expect(card).ToContainTextAsync("How do you feel?");
            await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(1);

            await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "2", Exact = true }).ClickAsync();
            await Assertions.Expect(card).Not.ToContainTextAsync("How do you feel?");
            await Assertions.Expect(card).ToContainTextAsync("After");
            await Assertions.Expect(page.GetByTestId("log-fatigue")).ToContainTextAsync("→2");
            await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(1);

            // The same message as Slack would show it: the Block Kit preview.
            await card.GetByTestId("toggle-view").ClickAsync();
            await Assertions.Expect(card.GetByTestId("slack-blocks")).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator(".bk-section").First).ToBeVisibleAsync();
            await Assertions.Expect(card.GetByTestId("slack-blocks")).ToContainTextAsync("Done");

            Assert.Empty(scriptErrors);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.Current.AddAttachment("dev-console.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
            TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
        }
    }

    /// <summary>TestResults/ next to the test assembly.</summary>
    private static string OutputFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<bool> WaitUntilReadyAsync(BotProcess bot, Uri probe)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < StartupLimit && !bot.HasExited)
        {
            try
            {
                if ((await http.GetAsync(probe)).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        }

        return false;
    }
}
