using System.Net;
using System.Text.Json;
using MicroMove.Bot.Features.Conversation;
using MicroMove.Bot.Features.Privacy;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Bot.Tests.Slack;
using MicroMove.Bot.Tests.Summaries;
using MicroMove.Domain.Messages;
using MicroMove.Infrastructure.Persistence.Entities;
using MicroMove.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Privacy;

/// <summary>
/// <c>export</c> on the real pipeline and PostgreSQL: the link answers exactly the asker's data, built
/// when downloaded, never cached; forged, expired and foreign links are 404s that never log the token.
/// </summary>
public sealed class DataExportTests(PostgresServer server) : IAsyncLifetime
{
    // Wednesday 25 Nov 2026 09:30 UTC = 10:30 in Berlin.
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
    public async Task ExportLink_DownloadsExactlyTheAskersData_AsItIsWhenDownloaded()
    {
        var (alice, bob) = await TwoPeopleInTwoWorkspacesAsync();

        var export = await ExportAsync(alice);
        // Logged after the link was made: the file is built when downloaded, so it is in.
        await SummaryWorld.LogAsync(_db, alice, Now.AddMinutes(-5), null, ["neck-flexion-extension-waves"], 4, 2);
        using var response = await App.CreateClient().GetAsync(export.DownloadUrl.PathAndQuery, Cancel);

        Assert.Equal("3 sets logged since 3 Nov 2026", export.Summary);
        Assert.Equal(TimeSpan.FromHours(1), export.ValidFor);
        Assert.StartsWith("http://localhost:5080/exports/", export.DownloadUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith(".json", export.DownloadUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("attachment; filename=micromove-export-2026-11-25.json", response.Content.Headers.ContentDisposition?.ToString());

        var text = await response.Content.ReadAsStringAsync(Cancel);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("micromove-export/1", root.GetProperty("format").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(1)), root.GetProperty("exportedAt").GetDateTimeOffset());
        var profile = root.GetProperty("profile");
        Assert.Equal("slack", profile.GetProperty("platform").GetString());
        Assert.Equal("T-ALICE", profile.GetProperty("workspace").GetProperty("id").GetString());
        Assert.Equal("U-ALICE", profile.GetProperty("userId").GetString());
        Assert.Equal("Name of U-ALICE", profile.GetProperty("displayName").GetString());
        Assert.Equal("Europe/Berlin", profile.GetProperty("timeZone").GetString());
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            profile.GetProperty("schedule").GetProperty("workDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("pausedUntil").ValueKind);

        var log = root.GetProperty("logEntries").EnumerateArray().ToList();
        Assert.Equal(4, log.Count);
        Assert.Equal(["prompt", "prompt", "prompt", "instant-set"], log.Select(e => e.GetProperty("source").GetString()));
        Assert.Equal("Start of day", log[0].GetProperty("routine").GetString());
        Assert.Equal(["ankle-pumps", "seated-cat-cow"], log[0].GetProperty("movements").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(3, log[0].GetProperty("fatigueBefore").GetInt32());
        Assert.Equal(2, log[0].GetProperty("fatigueAfter").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 3, 0, TimeSpan.FromHours(1)), log[0].GetProperty("doneAt").GetDateTimeOffset());

        var deliveries = root.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(4, deliveries.Count);
        Assert.Equal(["sent", "sent", "sent", "pending"], deliveries.Select(d => d.GetProperty("status").GetString()));
        Assert.All(deliveries.Take(3), d => Assert.Equal(JsonValueKind.String, d.GetProperty("answeredAt").ValueKind));
        Assert.Equal(JsonValueKind.Null, deliveries[3].GetProperty("answeredAt").ValueKind);
        Assert.Equal(12, deliveries[0].GetProperty("movements")[0].GetProperty("reps").GetInt32());

        var challenge = Assert.Single(root.GetProperty("challenges").EnumerateArray());
        Assert.Equal("Alice's stretch week", challenge.GetProperty("title").GetString());
        Assert.True(challenge.GetProperty("startedByYou").GetBoolean());

        // Nothing of Bob's, in another workspace, comes along.
        Assert.DoesNotContain("U-BOB", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob's hip month", text, StringComparison.Ordinal);
        Assert.DoesNotContain(bob.Id.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("T-BOB", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportLink_Forged_Tampered_Malformed_Foreign_OrExpired_Is404_AndTheTokenIsNeverLogged()
    {
        var (alice, _) = await TwoPeopleInTwoWorkspacesAsync();
        var url = (await ExportAsync(alice)).DownloadUrl.AbsolutePath;
        var token = url["/exports/".Length..^".json".Length];
        var tampered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        var chartToken = App.Services.GetRequiredService<ChartLinks>().Create(new ChartTicket(alice.Id, new DateOnly(2026, 11, 23), Now.AddDays(1)));
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/exports/{tampered}.json", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/exports/not-a-token.json", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/exports/{token}AAAA.json", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/exports/{token}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/exports/{chartToken}.json", Cancel)).StatusCode);

        // Signed under another credential key (another deployment): forged here.
        await using (var other = new MicroMoveApp(_db, services: s => s.AddSingleton<TimeProvider>(_clock)))
        {
            var foreign = other.Services.GetRequiredService<ExportLinks>().UrlFor(alice.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(foreign.PathAndQuery, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Cancel)).StatusCode);
        _clock.Advance(ExportLinks.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Cancel)).StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Cancel)).StatusCode);

        var lines = _logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("Data export link refused: forged", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Data export link refused: expired", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Data export link refused: malformed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains(tampered, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_WithNothingLogged_SaysSo_AndStillServesTheProfile()
    {
        var workspace = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Console, "console-empty");
        var person = (await PromptWorld.PeopleAsync(_db, workspace, 1, Domain.Scheduling.WorkSchedule.Default("Asia/Kathmandu"), null))[0];

        var export = await ExportAsync(person);
        using var response = await App.CreateClient().GetAsync(export.DownloadUrl.PathAndQuery, Cancel);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.StartsWith("nothing logged yet", export.Summary, StringComparison.Ordinal);
        Assert.Equal(person.PlatformUserId, root.GetProperty("profile").GetProperty("userId").GetString());
        Assert.Empty(root.GetProperty("logEntries").EnumerateArray());
        Assert.Equal(TimeSpan.FromMinutes(345), root.GetProperty("exportedAt").GetDateTimeOffset().Offset);
    }

    private async Task<(PersonEntity Alice, PersonEntity Bob)> TwoPeopleInTwoWorkspacesAsync()
    {
        var slackA = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-ALICE");
        var slackB = await PrivacyWorld.WorkspaceAsync(_db, ChatPlatform.Slack, "T-BOB");
        var alice = await PrivacyWorld.PersonAsync(_db, slackA, "U-ALICE", 3, FirstSet, "Alice's stretch week", Now.AddHours(1));
        var bob = await PrivacyWorld.PersonAsync(_db, slackB, "U-BOB", 5, FirstSet.AddDays(-10), "Bob's hip month", Now.AddHours(1));
        return (alice, bob);
    }

    /// <summary>The person types export, through the platform-neutral conversation.</summary>
    private async Task<DataExportMessage> ExportAsync(PersonEntity person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<Conversations>().HandleTextAsync(person, "export", string.Empty, Cancel);
        return Assert.IsType<DataExportMessage>(Assert.Single(reply.Messages));
    }
}
