using System.Net;
using System.Net.Http.Headers;
using MicroMove.Bot.Features.Prompts;
using MicroMove.Bot.Health;
using MicroMove.Bot.Tests.Prompts;
using MicroMove.Domain.Scheduling;
using MicroMove.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Health;

/// <summary>/metrics: the pipeline's numbers for Prometheus, only with the scrape token.</summary>
public sealed class MetricsEndpointTests(PostgresServer server)
{
    private const string Token = "scrape-token-for-tests";
    private static readonly DateTimeOffset NineInBerlin = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WithoutAScrapeTokenConfigured_MetricsIsNotServed()
    {
        await using var app = new MicroMoveApp(await server.CreateMigratedDatabaseAsync());

        var response = await app.CreateClient().GetAsync(new Uri(MetricsEndpoint.Path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MissingOrWrongBearerToken_Is401()
    {
        await using var app = Configured(await server.CreateMigratedDatabaseAsync(), new FakeTimeProvider(NineInBerlin));
        var client = app.CreateClient();

        var missing = await client.GetAsync(new Uri(MetricsEndpoint.Path, UriKind.Relative), TestContext.Current.CancellationToken);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, MetricsEndpoint.Path);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        var wrongResponse = await client.SendAsync(wrong, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal("Bearer", Assert.Single(wrongResponse.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task WithTheToken_ShowsThePipelinesCountsAfterAPromptIsDueAndSent()
    {
        var db = await server.CreateMigratedDatabaseAsync();
        var clock = new FakeTimeProvider(NineInBerlin);
        await using var app = Configured(db, clock);
        var workspace = await PromptWorld.WorkspaceAsync(db);
        await PromptWorld.PeopleAsync(db, workspace, 2, WorkSchedule.Default("Europe/Berlin"), NineInBerlin);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PromptDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, await ActivatorUtilities.CreateInstance<DeliveryWorker>(app.Services).RunOnceAsync(TestContext.Current.CancellationToken));

        using var request = new HttpRequestMessage(HttpMethod.Get, MetricsEndpoint.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Sample(text, "micromove_deliveries_due_total"));
        Assert.Equal("2", Sample(text, "micromove_deliveries_sent_total"));
        Assert.Equal("2", Sample(text, "micromove_deliveries_lag_seconds_count"));
        Assert.Equal("60", Sample(text, "micromove_deliveries_lag_seconds_sum"));
    }

    private static MicroMoveApp Configured(string db, FakeTimeProvider clock) =>
        new(db, new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = Token }, s => s.AddSingleton<TimeProvider>(clock));

    /// <summary>The value of a sample line ("name{labels} value" or "name value"), or an empty string when missing.</summary>
    private static string Sample(string exposition, string name) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[1])
            .FirstOrDefault() ?? string.Empty;
}
