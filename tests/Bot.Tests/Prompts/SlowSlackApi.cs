using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MicroMove.Bot.Tests.Prompts;

/// <summary>
/// A Slack Web API on 127.0.0.1 whose chat.postMessage takes its time, so a bot killed
/// mid-batch has posts in flight. A post counts from the moment it arrives (as on Slack,
/// whose answer may be lost while the message is already in the channel); it is answered
/// like Slack answers (ok, channel, ts) after <c>delay</c>.
/// </summary>
internal sealed class SlowSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _delay;
    private readonly ConcurrentDictionary<string, int> _postsByChannel = new(StringComparer.Ordinal);
    private long _posts;

    private SlowSlackApi(WebApplication app, TimeSpan delay)
    {
        _app = app;
        _delay = delay;
    }

    public Uri ApiBaseUrl { get; private set; } = new("http://127.0.0.1/api/");

    /// <summary>chat.postMessage requests received so far (answered or not).</summary>
    public long Posts => Interlocked.Read(ref _posts);

    /// <summary>How many posts each channel received.</summary>
    public IReadOnlyDictionary<string, int> PostsByChannel() => new Dictionary<string, int>(_postsByChannel, StringComparer.Ordinal);

    public static async Task<SlowSlackApi> StartAsync(TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new SlowSlackApi(app, delay);
        app.Run(fake.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        fake.ApiBaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/api/");
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        if (context.Request.Path.Value?.EndsWith("/chat.postMessage", StringComparison.Ordinal) != true)
        {
            await context.Response.WriteAsync("{\"ok\":false,\"error\":\"unknown_method\"}");
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var channel = body.RootElement.GetProperty("channel").GetString() ?? string.Empty;
        _postsByChannel.AddOrUpdate(channel, 1, (_, count) => count + 1);
        var number = Interlocked.Increment(ref _posts);
        try
        {
            await Task.Delay(_delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the caller died while waiting; the post stays counted, as it would on Slack
        }

        var ts = $"1764057600.{number.ToString("D6", CultureInfo.InvariantCulture)}";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { ok = true, channel, ts }));
    }
}
