using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MicroMove.Bench.Inbound;

/// <summary>
/// A loopback stand-in for Slack's Web API (answers shaped like the real ones, no limits) and for
/// slash-command response_urls (<c>/hooks/{n}</c>): the arrival of hook n completes request n,
/// and a chat.postMessage into a channel someone waits on (<see cref="PostedTo"/>) completes that wait.
/// </summary>
internal sealed class BenchSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _hooks = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _posts = new(StringComparer.Ordinal);
    private long _posted;

    private BenchSlackApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public long Posted => Interlocked.Read(ref _posted);

    public static async Task<BenchSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new BenchSlackApi(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    public Uri HookUrl(int n) => new(BaseUrl, $"hooks/{n.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Completes when response_url <paramref name="n"/> is called; its body is the result.</summary>
    public Task<string> HookCalled(int n) =>
        _hooks.GetOrAdd(n, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(int n) => _hooks.TryRemove(n, out _);

    /// <summary>Completes when the next chat.postMessage into <paramref name="channel"/> arrives (one waiter per channel).</summary>
    public Task PostedTo(string channel) =>
        _posts.GetOrAdd(channel, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void ForgetPost(string channel) => _posts.TryRemove(channel, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/hooks/{n:int}", async (int n, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            _hooks.GetOrAdd(n, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(body);
            return Results.Text("ok");
        });

        app.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            var team = TeamOf(request.Headers.Authorization.ToString());
            switch (method)
            {
                case "auth.test":
                    return Json($$"""{"ok":true,"team":"Bench","team_id":"{{team}}","user_id":"U0BOT","bot_id":"B0BOT"}""");
                case "users.info":
                    var form = await request.ReadFormAsync();
                    var user = form["user"].ToString();
                    return Json($$$"""{"ok":true,"user":{"id":"{{{user}}}","team_id":"{{{team}}}","name":"{{{user.ToLowerInvariant()}}}","real_name":"Bench {{{user}}}","tz":"Europe/Berlin","tz_label":"Central European Time","tz_offset":3600,"is_bot":false,"deleted":false}}""");
                case "conversations.open":
                    using (var document = await JsonDocument.ParseAsync(request.Body))
                    {
                        var users = document.RootElement.TryGetProperty("users", out var u) ? u.GetString() : "U0";
                        return Json($$$"""{"ok":true,"channel":{"id":"D{{{users}}}"}}""");
                    }

                case "chat.postMessage":
                    using (var document = await JsonDocument.ParseAsync(request.Body))
                    {
                        var channel = document.RootElement.TryGetProperty("channel", out var c) ? c.GetString() : null;
                        if (channel is not null && _posts.TryRemove(channel, out var waiter))
                        {
                            waiter.TrySetResult();
                        }
                    }

                    var ts = $"1700000000.{Interlocked.Increment(ref _posted).ToString("D6", CultureInfo.InvariantCulture)}";
                    return Json($$$"""{"ok":true,"channel":"D0","ts":"{{{ts}}}","message":{"type":"message","ts":"{{{ts}}}"}}""");
                case "chat.update":
                case "views.publish":
                case "chat.postEphemeral":
                    await Drain(request);
                    return Json("""{"ok":true,"channel":"D0","ts":"1700000000.000001"}""");
                default:
                    return Json("""{"ok":false,"error":"unknown_method"}""");
            }
        });
    }

    /// <summary>The bench seeds one token per team: "xoxb-bench-{team}".</summary>
    private static string TeamOf(string authorization) =>
        authorization.StartsWith("Bearer xoxb-bench-", StringComparison.Ordinal) ? authorization["Bearer xoxb-bench-".Length..] : "T0";

    private static IResult Json(string body) => Results.Text(body, "application/json");

    private static async Task Drain(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        await reader.ReadToEndAsync();
    }
}
