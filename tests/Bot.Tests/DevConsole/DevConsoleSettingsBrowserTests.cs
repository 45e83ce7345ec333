using System.Net;
using MicroMove.Bot.Tests.Hosting;
using MicroMove.Infrastructure.Security;
using MicroMove.Tests.Support;
using Microsoft.Playwright;

namespace MicroMove.Bot.Tests.DevConsole;

/// <summary>
/// Editing a schedule in the console in a real browser: Edit settings brings the form (the Teams card),
/// a bad save shows the reason in the card, a good one says saved and the side panel follows; in the
/// Slack rendering the card's button opens the same form in a dialog. Uses the machine's Chromium.
/// </summary>
[Collection(DevConsoleBrowserTests.BrowserCollection)]
public sealed class DevConsoleSettingsBrowserTests(PostgresServer server)
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(90);
    private const float ExpectLimit = 30_000;

    [Fact]
    public async Task EditSettings_ABadSaveShowsWhy_AGoodOneSavesEverywhere_AndTheSlackButtonOpensTheForm()
    {
        Assert.SkipUnless(File.Exists(DevConsoleBrowserTests.ChromiumPath), $"{DevConsoleBrowserTests.ChromiumPath} is missing (apt-get install -y chromium)");
        var db = await server.CreateMigratedDatabaseAsync();
        var baseUrl = $"http://127.0.0.1:{PostgresServer.FreeLoopbackPort()}";
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
            ExecutablePath = DevConsoleBrowserTests.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        // Waits, not speed checks: on a busy CI machine a jump's dispatch and delivery plus the page's
        // next poll can take longer than Playwright's 5 s default before the card shows.
        Assertions.SetDefaultExpectTimeout(ExpectLimit);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dev-console-settings.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot) ?? ".");

        try
        {
            await page.GotoAsync(baseUrl);
            await page.GetByTestId("person-grace").ClickAsync();
            await Assertions.Expect(page.GetByTestId("schedule-day")).ToHaveTextAsync("09:00–17:30");

            await page.GetByTestId("edit-settings").ClickAsync();
            var form = page.Locator("[data-kind=schedule-settings]").Last;
            await Assertions.Expect(form.GetByTestId("teams-card")).ToBeVisibleAsync();

            await Field(form, "Day ends").FillAsync("08:00");
            await Save(form).ClickAsync();
            await Assertions.Expect(form).ToContainTextAsync("before it starts");
            await Assertions.Expect(page.GetByTestId("schedule-day")).ToHaveTextAsync("09:00–17:30");

            await Field(form, "Day starts").FillAsync("07:30");
            await Field(form, "Day ends").FillAsync("16:00");
            await Save(form).ClickAsync();
            await Assertions.Expect(form).ToContainTextAsync("Schedule saved ✓");
            await Assertions.Expect(form).ToContainTextAsync("Your next set:");
            await Assertions.Expect(page.GetByTestId("schedule-day")).ToHaveTextAsync("07:30–16:00");

            // Slack would open its dialog from the button; the console opens the same form in one.
            await form.GetByTestId("toggle-view").ClickAsync();
            await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Change again", Exact = true }).ClickAsync();
            var dialog = page.GetByTestId("settings-dialog");
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await Field(dialog, "Lunch starts").FillAsync("12:00");
            await Save(dialog).ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByTestId("schedule-lunch")).ToContainTextAsync("12:00");
            await Assertions.Expect(form.GetByTestId("slack-blocks")).ToContainTextAsync("Schedule saved ✓");

            Assert.Empty(scriptErrors);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.Current.AddAttachment("dev-console-settings.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
        }
    }

    /// <summary>An input by its label (the card itself is labelled with its whole text, so search the inputs only).</summary>
    private static ILocator Field(ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = label });

    private static ILocator Save(ILocator scope) =>
        scope.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save", Exact = true });

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
