using System.Net;
using System.Text.Json.Nodes;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Messages;
using MicroMove.Domain.Scheduling;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Summaries;

/// <summary>
/// The weekly summary on the real PostgreSQL: due once at the person's local end of week,
/// computed from the week's deliveries and log, sent through the gateway with a chart link
/// that serves a PNG until it expires.
/// </summary>
public sealed class WeeklySummaryTests(PostgresServer server) : IAsyncLifetime
{
    // ISO week 2026-W48: Monday 23 Nov – Sunday 29 Nov. Berlin is UTC+1 all week.
    // Friday 27 Nov 17:30 Berlin (DayEnd of the default schedule) = 16:30 UTC.
    private static readonly DateTimeOffset FridayEndOfDay = Utc(27, 16, 30);
    private static readonly DateTimeOffset NextMonday = Utc(30, 8, 0);
    private static readonly WorkSchedule Berlin = WorkSchedule.Default("Europe/Berlin");

    // Monday 23 Nov 08:00 Berlin; tests move it forward (a FakeTimeProvider never goes back).
    private readonly FakeTimeProvider _clock = new(Utc(23, 7, 0));
    private string _db = string.Empty;
    private MicroMoveApp? _app;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _db = await server.CreateMigratedDatabaseAsync();
        _app = new MicroMoveApp(_db, services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // ---- Dispatch ----

    [Fact]
    public async Task WorkDaysCutToMondayToThursday_MovesTheComingSummaryToThursdayEvening_AndItIsSent()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var tuesdayMorning = Utc(24, 8, 0); // Tuesday 09:00 Berlin: start of day
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, tuesdayMorning)).Single();
        _clock.SetUtcNow(tuesdayMorning);
        await DispatchAsync();
        Assert.Equal(FridayEndOfDay, (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);

        await SaveScheduleAsync(person.Id, Berlin with { WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday } });

        var thursdayEndOfDay = Utc(26, 16, 30); // Thursday 17:30 Berlin, now the end of the work week
        Assert.Equal(thursdayEndOfDay, (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);
        _clock.SetUtcNow(thursdayEndOfDay);
        Assert.Equal(1, (await DispatchAsync()).Summaries);
        var summary = Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);
        Assert.Equal("2026-W48/weekly-summary", summary.SlotKey);
        Assert.Equal(thursdayEndOfDay, summary.DueAt);
    }

    [Fact]
    public async Task FridayCutOnThursdayEvening_ThursdaysSummaryThatJustPassedIsStillSent_Once()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, Utc(24, 8, 0))).Single();
        _clock.SetUtcNow(Utc(24, 8, 0));
        await DispatchAsync();

        // Thursday 19:00 Berlin: Friday is no work day any more, so the week ended at 17:30 today.
        _clock.SetUtcNow(Utc(26, 18, 0));
        var mondayToThursday = Berlin with { WorkDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday } };
        await SaveScheduleAsync(person.Id, mondayToThursday);

        Assert.Equal(Utc(26, 16, 30), (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);
        Assert.Equal(1, (await DispatchAsync()).Summaries);

        // Saved again a minute later (the same week's summary is queued already): nothing twice.
        _clock.SetUtcNow(Utc(26, 18, 1));
        await SaveScheduleAsync(person.Id, mondayToThursday);
        await DispatchAsync();
        Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);
    }

    [Fact]
    public async Task ScheduleSavedWhileTheSummaryIsDue_LeavesItToTheDispatcher_WhichFollowsTheNewDayEnd()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, Utc(24, 8, 0))).Single();
        _clock.SetUtcNow(Utc(24, 8, 0));
        await DispatchAsync();

        // Friday 17:30:30 Berlin: the summary came due half a minute ago and the dispatcher's next run is still to
        // come, when the person moves their day's end to 18:00.
        _clock.SetUtcNow(FridayEndOfDay.AddSeconds(30));
        await SaveScheduleAsync(person.Id, Berlin with { DayEnd = new TimeOnly(18, 0) });

        Assert.Equal(FridayEndOfDay, (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);
        Assert.Equal(0, (await DispatchAsync()).Summaries);
        _clock.SetUtcNow(FridayEndOfDay.AddMinutes(30));
        Assert.Equal(1, (await DispatchAsync()).Summaries);
    }

    private async Task SaveScheduleAsync(Guid personId, WorkSchedule schedule)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MicroMove.Bot.Features.Conversation.People>().SaveScheduleAsync(personId, schedule, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Dispatch_QueuesOneSummaryAtFridayEndOfDayInBerlin_NoneOnThursday_NoneTwice()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        // Thursday 26 Nov 17:20 Berlin: the end-of-day set; the person has no summary time yet.
        var thursdayEndOfDay = Utc(26, 16, 20);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, thursdayEndOfDay)).Single();
        _clock.SetUtcNow(Utc(26, 16, 30)); // Thursday 17:30 Berlin, DayEnd: not the last work day

        var thursday = await DispatchAsync();

        Assert.Equal(0, thursday.Summaries);
        Assert.DoesNotContain(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);
        // Initialised by the dispatcher: Friday 17:30 Berlin.
        Assert.Equal(FridayEndOfDay, (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);

        _clock.SetUtcNow(FridayEndOfDay.AddTicks(-1));
        await DispatchAsync();
        Assert.DoesNotContain(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);

        _clock.SetUtcNow(FridayEndOfDay);
        var friday = await DispatchAsync();

        Assert.Equal(1, friday.Summaries);
        var summary = Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);
        Assert.Equal("2026-W48/weekly-summary", summary.SlotKey);
        Assert.Equal(FridayEndOfDay, summary.DueAt);
        Assert.Equal(DeliveryStatus.Pending, summary.Status);
        Assert.Null(summary.Routine);
        Assert.Empty(summary.Movements);
        Assert.Equal(Utc(27, 16, 30).AddDays(7), (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);

        // A re-run, and a second node that still saw the old summary time: no second summary.
        await DispatchAsync();
        await SetNextSummaryAsync(person.Id, FridayEndOfDay);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var again = await DispatchAsync();

        Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);
        Assert.Equal(Utc(27, 16, 30).AddDays(7), (await PromptWorld.PersonAsync(_db, person.Id)).NextSummaryAt);
        Assert.Equal(1, again.People);
    }

    [Fact]
    public async Task Dispatch_DueOnlyForTheSummary_LeavesTheNextPromptAlone()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NextMonday)).Single();
        await SetNextSummaryAsync(person.Id, FridayEndOfDay);
        _clock.SetUtcNow(FridayEndOfDay.AddMinutes(1));

        var result = await DispatchAsync();

        Assert.Equal(new DispatchResult(1, 0, 0, 1), result);
        Assert.Equal(DeliveryKind.WeeklySummary, Assert.Single(await PromptWorld.DeliveriesAsync(_db)).Kind);
        Assert.Equal(NextMonday, (await PromptWorld.PersonAsync(_db, person.Id)).NextPromptAt);
    }

    [Theory]
    [InlineData(11 * 60 + 59, DeliveryStatus.Pending)]
    [InlineData(12 * 60, DeliveryStatus.Pending)]
    [InlineData(12 * 60 + 1, DeliveryStatus.Missed)]
    public async Task Dispatch_LateSummary_IsSentUpTo12HoursLate_ThenMissed(int minutesLate, DeliveryStatus expected)
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NextMonday)).Single();
        await SetNextSummaryAsync(person.Id, FridayEndOfDay);
        _clock.SetUtcNow(FridayEndOfDay.AddMinutes(minutesLate));

        await DispatchAsync();

        var summary = Assert.Single(await PromptWorld.DeliveriesAsync(_db));
        Assert.Equal("2026-W48/weekly-summary", summary.SlotKey);
        Assert.Equal(expected, summary.Status);
    }

    // ---- The summary's facts ----

    [Fact]
    public async Task SeededWeek_SummaryFactsAreExact()
    {
        var person = await SeedWeekAsync();
        var delivery = await DispatchSummaryAsync(person);

        await using var scope = App.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<WeeklySummaryBuilder>()
            .ForDeliveryAsync(delivery, person, TestContext.Current.CancellationToken);

        Assert.NotNull(message);
        Assert.Equal("Your week 23 Nov–29 Nov", message.Title);
        Assert.Equal(
            [
                // Entries A, B, C and the instant set D; E and F belong to the week before.
                new SummaryFact("Sets done", "4 (1 on demand)"),
                // Prompted = the 4 sent prompts (Mon 09:00, Mon 17:20, Wed 09:00, Fri 09:00); the missed Tuesday
                // and failed Thursday ones do not count. A, B and C answer the first three; Friday's is unanswered.
                new SummaryFact("Completion", "3 of 4 prompts (75 %)"),
                // Work days with a set, as of Friday 17:30: Thu 19, Fri 20, Mon 23 (best run 3), Tue 24 none,
                // Wed 25, Thu 26 (current run 2); Friday itself, not done yet, does not break it.
                new SummaryFact("Streak", "2 work days (best 3 work days)"),
                // Before (4+3+3+4)/4 = 3.5; after (2+2+4+2)/4 = 2.5; change (−2−1+1−2)/4 = −1.0.
                new SummaryFact("Fatigue", "3.5 before → 2.5 after (−1.0)"),
                // Upper: A, B, C; lower: A, D; spine: B, C.
                new SummaryFact("By region", "Upper body 3 · Lower body 2 · Spine 2"),
                // Spine after (2+4)/2 = 3.0 > upper (2+2+4)/3 ≈ 2.7 > lower (2+2)/2 = 2.0; last week spine 4.0 → easing.
                new SummaryFact("Tightest", "Spine (easing)"),
            ],
            message.Facts);
        // Completion 75 %, no tight region ≥ 3.5, fatigue going down, legs on Monday, nothing effortless: encouragement.
        Assert.Equal(
            ["Good week: 4 sets done, fatigue down 1 after each set on average and a 2-work-day streak. Keep it up!"],
            message.Advice);
        Assert.NotNull(message.ChartUrl);
        Assert.StartsWith("http://localhost:5080/charts/", message.ChartUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith(".png", message.ChartUrl.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeekSoFar_OnWednesdayEvening_CountsOnlyWhatHappenedAndSaysSo()
    {
        var person = await SeedWeekAsync();
        var wednesdayEvening = Utc(25, 19, 0);

        await using var scope = App.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<WeeklySummaryBuilder>()
            .WeekSoFarAsync(person, wednesdayEvening, TestContext.Current.CancellationToken);

        Assert.NotNull(message);
        Assert.Equal("Your week so far", message.Title);
        // The week's figures take every entry of the week in the log; the streak stops at Wednesday: Mon 23 (run 3), Tue none, Wed 25.
        Assert.Equal("1 work day (best 3 work days)", Assert.Single(message.Facts, f => f.Label == "Streak").Value);
    }

    // ---- Delivery through the gateway ----

    [Fact]
    public async Task SummaryDelivery_ReachesTheConsole_WithTheChartInItsSlackImageBlock()
    {
        var person = await SeedWeekAsync();
        var delivery = await DispatchSummaryAsync(person);

        Assert.Equal(1, await WorkerRoundAsync());

        var sent = await PromptWorld.DeliveriesAsync(_db);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(sent, d => d.Id == delivery.Id).Status);
        await using var db = PromptWorld.Db(_db);
        var message = await db.ConsoleMessages.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("weekly-summary", message.Kind);
        Assert.Equal($"dm:{person.PlatformUserId}", message.ConversationId);
        Assert.StartsWith("Your week 23 Nov–29 Nov: Sets done 4 (1 on demand)", message.FallbackText, StringComparison.Ordinal);
        var image = JsonNode.Parse(message.SlackPayload ?? "{}")?["blocks"]?.AsArray()
            .Single(block => (string?)block?["type"] == "image");
        var url = (string?)image?["image_url"];
        Assert.NotNull(url);
        Assert.StartsWith("http://localhost:5080/charts/", url, StringComparison.Ordinal);

        // The link in the message serves the chart.
        using var response = await App.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SummariesClaimedTogether_EachReadsOnlyItsOwnPersonAndItsOwnLocalWeek()
    {
        // Ada in Berlin (the seeded week) and Grace in New York, whose summaries fall in one worker batch.
        var ada = await SeedWeekAsync();
        var newYork = await PromptWorld.WorkspaceAsync(_db, externalId: "console-ny");
        var grace = (await PromptWorld.PeopleAsync(_db, newYork, 1, WorkSchedule.Default("America/New_York"), NextMonday)).Single();
        // Sunday 22 Nov 23:30 in New York is already Monday 05:30 in Berlin: inside Ada's week, but the week before for Grace.
        await SummaryWorld.LogAsync(_db, grace, Utc(23, 4, 30), null, ["seated-cat-cow"], 5, 1);
        // Wednesday 25 Nov 10:00 in New York: Grace's only set of the week.
        await SummaryWorld.LogAsync(_db, grace, Utc(25, 15, 0), null, ["ankle-pumps"], 3, 2);
        await SetNextSummaryAsync(ada.Id, FridayEndOfDay);
        var graceFriday = Utc(27, 22, 30); // Friday 17:30 in New York; Ada's summary is five hours late, still sent.
        await SetNextSummaryAsync(grace.Id, graceFriday);
        _clock.SetUtcNow(graceFriday);
        Assert.Equal(2, (await DispatchAsync()).Summaries);

        // Built as one batch (what the worker does first), each from its own rows.
        var ids = (await PromptWorld.DeliveriesAsync(_db)).Where(d => d.Kind == DeliveryKind.WeeklySummary).Select(d => d.Id).ToList();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<ClaimedDeliveries>().LoadAsync(ids, TestContext.Current.CancellationToken);
            Assert.Equal(2, batch.Count);
            Assert.All(batch.Values, prepared => Assert.NotNull(prepared.Delivery.Person?.Workspace));
            Assert.Equal(
                ["1 (1 on demand)", "4 (1 on demand)"],
                batch.Values.Select(prepared => prepared.Summary?.Facts[0].Value).Order(StringComparer.Ordinal));
        }

        Assert.Equal(2, await WorkerRoundAsync());

        await using var db = PromptWorld.Db(_db);
        var messages = await db.ConsoleMessages.ToListAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith(
            "Your week 23 Nov–29 Nov: Sets done 4 (1 on demand)",
            Assert.Single(messages, m => m.WorkspaceId == ada.WorkspaceId).FallbackText,
            StringComparison.Ordinal);
        var graces = Assert.Single(messages, m => m.WorkspaceId == newYork.Id).FallbackText;
        Assert.StartsWith("Your week 23 Nov–29 Nov: Sets done 1 (1 on demand)", graces, StringComparison.Ordinal);
        Assert.Contains("3.0 before → 2.0 after", graces, StringComparison.Ordinal);
    }

    // ---- The chart ----

    [Fact]
    public async Task ChartUrl_ServesAPng_PrivatelyCachedUntilItExpires()
    {
        var person = await SeedWeekAsync();
        var url = ChartUrl(person);

        using var response = await App.CreateClient().GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Equal(ChartLinks.Lifetime, response.Headers.CacheControl?.MaxAge);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.InRange(png.Length, 5_000, 1_000_000);
    }

    [Fact]
    public async Task ChartUrl_Tampered_Expired_Malformed_Or_ForAnotherKey_Is404()
    {
        var person = await SeedWeekAsync();
        var url = ChartUrl(person).AbsolutePath;
        var token = url["/charts/".Length..^".png".Length];
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        using var client = App.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/charts/{tampered}.png", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/charts/not-a-token.png", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/charts/{token}AAAA.png", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/charts/{token}", cancel)).StatusCode);

        // Signed with another credential key (another deployment): forged here.
        await using (var other = new MicroMoveApp(_db, services: s => s.AddSingleton<TimeProvider>(_clock)))
        {
            var foreign = other.Services.GetRequiredService<ChartLinks>().UrlFor(person.Id, new DateOnly(2026, 11, 23));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(foreign.PathAndQuery, cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, cancel)).StatusCode);
        _clock.Advance(ChartLinks.Lifetime);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, cancel)).StatusCode);
    }

    [Fact]
    public void PublicBaseUrl_WithAPathPrefix_IsKeptInTheChartUrl()
    {
        using var app = new MicroMoveApp(_db, new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://bot.example.com/micromove" });

        var url = app.Services.GetRequiredService<ChartLinks>().UrlFor(Guid.NewGuid(), new DateOnly(2026, 11, 23));

        Assert.StartsWith("https://bot.example.com/micromove/charts/", url.AbsoluteUri, StringComparison.Ordinal);
    }

    // ---- Helpers ----

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>
    /// The person's week 2026-W48 in Berlin (UTC+1), with two entries of the week before.
    /// Prompts: Mon 09:00 start-of-day sent, Mon 17:20 end-of-day sent, Tue 09:00 missed,
    /// Wed 09:00 sent, Thu 13:15 after-lunch failed, Fri 09:00 sent.
    /// Log (local time, movements → regions, fatigue before → after):
    /// A Mon 09:05 start-of-day: scapular pulses (upper), ankle pumps (lower), 4 → 2.
    /// B Mon 17:25 end-of-day: cat-cow (spine), neck waves (upper), 3 → 2.
    /// C Wed 09:10 start-of-day: arm windmills (upper), lateral slides (spine), 3 → 4.
    /// D Thu 15:00 instant: hip flexor twists (lower), 4 → 2.
    /// E Thu 19 Nov 10:00 instant: cat-cow (spine), 3 → 4. F Fri 20 Nov 10:00 instant: scapular pulses (upper), 4 → 4.
    /// </summary>
    private async Task<PersonEntity> SeedWeekAsync()
    {
        var workspace = await PromptWorld.WorkspaceAsync(_db);
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Berlin, NextMonday)).Single();
        await SummaryWorld.PromptAsync(_db, person, Utc(23, 8, 0), "start-of-day", DeliveryStatus.Sent);
        await SummaryWorld.PromptAsync(_db, person, Utc(23, 16, 20), "end-of-day", DeliveryStatus.Sent);
        await SummaryWorld.PromptAsync(_db, person, Utc(24, 8, 0), "start-of-day", DeliveryStatus.Missed);
        await SummaryWorld.PromptAsync(_db, person, Utc(25, 8, 0), "start-of-day", DeliveryStatus.Sent);
        await SummaryWorld.PromptAsync(_db, person, Utc(26, 12, 15), "after-lunch", DeliveryStatus.Failed);
        await SummaryWorld.PromptAsync(_db, person, Utc(27, 8, 0), "start-of-day", DeliveryStatus.Sent);
        await SummaryWorld.LogAsync(_db, person, Utc(23, 8, 5), "start-of-day", ["scapular-retraction-pulses", "ankle-pumps"], 4, 2);
        await SummaryWorld.LogAsync(_db, person, Utc(23, 16, 25), "end-of-day", ["seated-cat-cow", "neck-flexion-extension-waves"], 3, 2);
        await SummaryWorld.LogAsync(_db, person, Utc(25, 8, 10), "start-of-day", ["arm-windmills", "lateral-flexion-slides"], 3, 4);
        await SummaryWorld.LogAsync(_db, person, Utc(26, 14, 0), null, ["seated-hip-flexor-twists"], 4, 2);
        await SummaryWorld.LogAsync(_db, person, Utc(19, 9, 0), null, ["seated-cat-cow"], 3, 4);
        await SummaryWorld.LogAsync(_db, person, Utc(20, 9, 0), null, ["scapular-retraction-pulses"], 4, 4);
        return await PromptWorld.PersonAsync(_db, person.Id);
    }

    /// <summary>Dispatches at Friday's end of day and returns the summary delivery.</summary>
    private async Task<PromptDeliveryEntity> DispatchSummaryAsync(PersonEntity person)
    {
        await SetNextSummaryAsync(person.Id, FridayEndOfDay);
        _clock.SetUtcNow(FridayEndOfDay);
        Assert.Equal(1, (await DispatchAsync()).Summaries);
        return Assert.Single(await PromptWorld.DeliveriesAsync(_db), d => d.Kind == DeliveryKind.WeeklySummary);
    }

    private Uri ChartUrl(PersonEntity person) =>
        App.Services.GetRequiredService<ChartLinks>().UrlFor(person.Id, new DateOnly(2026, 11, 23));

    private async Task SetNextSummaryAsync(Guid personId, DateTimeOffset at)
    {
        await using var db = PromptWorld.Db(_db);
        await db.People.Where(p => p.Id == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSummaryAt, at), TestContext.Current.CancellationToken);
    }

    private async Task<DispatchResult> DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
    }

    private Task<int> WorkerRoundAsync() =>
        ActivatorUtilities.CreateInstance<DeliveryWorker>(App.Services).RunOnceAsync(TestContext.Current.CancellationToken);
}
