using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>
/// A fake Slack Web API: a real Kestrel server on 127.0.0.1 (free port) that records every
/// request (method, path, headers, body) and answers from a script, then from <see cref="Respond"/>.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSlackResponse> _script = new();

    private FakeSlackApi(WebApplication app) => _app = app;

    public ConcurrentQueue<FakeSlackRequest> Requests { get; } = new();

    public Func<FakeSlackRequest, FakeSlackResponse> Respond { get; set; } = _ => FakeSlackResponse.Json("{\"ok\":true}");

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        fake.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Answers the next request(s) with these, in order, before falling back to <see cref="Respond"/>.</summary>
    public void Then(params FakeSlackResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var recorded = new FakeSlackRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            await reader.ReadToEndAsync(context.RequestAborted));
        Requests.Enqueue(recorded);
        var response = _script.TryDequeue(out var scripted) ? scripted : Respond(recorded);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
