using MicroMove.Bot.Slack;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>The Slack services as the bot registers them (AddSlack), pointed at a fake Slack Web API, on a fake clock.</summary>
internal sealed class SlackClientHarness : IAsyncDisposable
{
    public const string ClientId = "1234.5678";
    public const string ClientSecret = "client-secret-value";

    private SlackClientHarness(FakeSlackApi api, ServiceProvider services, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        Logs = logs;
        Api = api;
        Services = services;
        Time = time;
    }

    public FakeSlackApi Api { get; }

    public CapturingLoggerProvider Logs { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public SlackWebApiClient Client => Services.GetRequiredService<SlackWebApiClient>();

    public static async Task<SlackClientHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? extraSettings = null,
        string? connectionString = null,
        Uri? apiBaseUrl = null)
    {
        var api = await FakeSlackApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackRequestSigner.Secret,
            ["Slack:ApiBaseUrl"] = (apiBaseUrl ?? api.ApiBaseUrl).ToString(),
            ["Slack:ClientId"] = ClientId,
            ["Slack:ClientSecret"] = ClientSecret,
            ["Slack:ResponseUrlHosts"] = "hooks.slack.com,127.0.0.1",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time);
        services.AddSlack(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (connectionString is not null)
        {
            services.AddMicroMoveDatabase(connectionString);
            services.AddSingleton(CredentialProtector.FromBase64(CredentialProtector.NewBase64Key()));
        }

        return new SlackClientHarness(api, services.BuildServiceProvider(), time, logs);
    }

    /// <summary>Moves the fake clock on in small steps until the call has finished (it may be waiting out a Retry-After or a backoff).</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call)
    {
        for (var step = 0; step < 600 && !call.IsCompleted; step++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return await call;
    }

    public async Task AdvanceUntilDoneAsync(Task call) =>
        await AdvanceUntilDoneAsync(call.ContinueWith(done => done, TaskScheduler.Default)).Unwrap();

    /// <summary>Waits in real time until the fake API has seen <paramref name="count"/> requests.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        for (var step = 0; step < 500 && Api.Requests.Count < count; step++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Api.DisposeAsync();
    }
}
