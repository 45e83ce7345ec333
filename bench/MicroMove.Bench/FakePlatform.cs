using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MicroMove.Bench;

/// <summary>
/// Slack's Web API (chat.postMessage), the Bot Connector (POST activities) and the Entra token
/// endpoint on 127.0.0.1, answering like the real ones. With <see cref="EnforceLimits"/> it applies
/// the published limits our gateways are built for, and answers 429 with Retry-After past them:
/// Slack chat.postMessage ~1 per second per channel (bursts of 3) and a workspace-wide cap of
/// 300 per minute (5/s, bursts of 30); Teams 7 per second per conversation and 50 per second
/// per tenant (exact sliding windows). Every accepted send is timed per workspace or tenant.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    public const double SlackWorkspaceRate = 5;
    public const int SlackWorkspaceBurst = 30;
    public const double TeamsTenantRate = 50;
    public const int TeamsTenantBurst = 50;

    private static readonly double TicksPerSecond = Stopwatch.Frequency;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Limit> _limits = new(StringComparer.Ordinal);
    private long _requests;
    private long _throttled;
    private long _sequence;

    private FakePlatform(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "http://127.0.0.1/";

    public string SlackApiBaseUrl => BaseUrl + "slack/api/";

    public string TeamsTokenEndpoint => BaseUrl + "teams/token";

    public bool EnforceLimits { get; set; }

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>One request body of each kind, as the bot sent it (for the plain-HttpClient baseline).</summary>
    public string? SampleSlackBody { get; private set; }

    public string? SampleTeamsBody { get; private set; }

    public string? SampleTeamsPath { get; private set; }

    public string TeamsServiceUrl(string tenant) => $"{BaseUrl}teams/{tenant}/";

    public IReadOnlyCollection<Partition> Partitions => [.. _partitions.Values];

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1 << 20);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatform(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/') + "/";
        return fake;
    }

    public void Reset(bool enforceLimits)
    {
        EnforceLimits = enforceLimits;
        _partitions.Clear();
        _limits.Clear();
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _throttled, 0);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (path == "/teams/token")
        {
            await context.Response.WriteAsync("""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"bench-connector-token"}""");
            return;
        }

        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (path == "/slack/api/chat.postMessage")
        {
            await SlackPostAsync(context, body);
        }
        else if (path.StartsWith("/teams/", StringComparison.Ordinal) && path.EndsWith("/activities", StringComparison.Ordinal))
        {
            await TeamsPostAsync(context, path, body);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("""{"ok":false,"error":"unknown_method"}""");
        }
    }

    private async Task SlackPostAsync(HttpContext context, string body)
    {
        SampleSlackBody ??= body;
        using var json = JsonDocument.Parse(body);
        var channel = json.RootElement.GetProperty("channel").GetString() ?? string.Empty;
        var team = context.Request.Headers.Authorization.ToString().Replace("Bearer xoxb-bench-", string.Empty, StringComparison.Ordinal);
        if (EnforceLimits
            && !(Take($"slack-team:{team}", () => Limit.Bucket(SlackWorkspaceBurst, SlackWorkspaceRate))
                 && Take($"slack-channel:{channel}", () => Limit.Bucket(3, 1))))
        {
            Interlocked.Increment(ref _throttled);
            Of("slack", team).Throttled();
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
            return;
        }

        Of("slack", team).Accepted();
        var ts = $"1764057600.{Interlocked.Increment(ref _sequence).ToString("D6", CultureInfo.InvariantCulture)}";
        await context.Response.WriteAsync($$$"""{"ok":true,"channel":"{{{channel}}}","ts":"{{{ts}}}","message":{"type":"message","bot_id":"BBENCH","ts":"{{{ts}}}"}}""");
    }

    private async Task TeamsPostAsync(HttpContext context, string path, string body)
    {
        SampleTeamsBody ??= body;
        SampleTeamsPath ??= path;

        // /teams/{tenant}/v3/conversations/{id}/activities
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tenant = parts[1];
        var conversation = Uri.UnescapeDataString(parts[4]);
        if (EnforceLimits
            && !(Take($"teams-tenant:{tenant}", () => Limit.Window(TeamsTenantBurst, TimeSpan.FromSeconds(1)))
                 && Take($"teams-conversation:{conversation}", () => Limit.Window(7, TimeSpan.FromSeconds(1)))))
        {
            Interlocked.Increment(ref _throttled);
            Of("teams", tenant).Throttled();
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("""{"error":{"code":"Throttled","message":"Too many requests"}}""");
            return;
        }

        Of("teams", tenant).Accepted();
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsync($$"""{"id":"1:{{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}}"}""");
    }

    private bool Take(string key, Func<Limit> create) => _limits.GetOrAdd(key, _ => create()).TryTake();

    private Partition Of(string platform, string id) => _partitions.GetOrAdd($"{platform}:{id}", _ => new Partition(platform, id));

    /// <summary>What one workspace or tenant got: accepted sends (each timed) and 429s.</summary>
    internal sealed class Partition(string platform, string id)
    {
        private readonly Lock _gate = new();
        private readonly List<long> _accepted = [];
        private long _first;
        private long _last;

        public string Platform { get; } = platform;

        public string Id { get; } = id;

        public int AcceptedCount { get; private set; }

        public int ThrottledCount { get; private set; }

        public TimeSpan Span => TimeSpan.FromSeconds((_last - _first) / TicksPerSecond);

        public void Accepted()
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                if (AcceptedCount == 0)
                {
                    _first = now;
                }

                _last = now;
                AcceptedCount++;
                _accepted.Add(now);
            }
        }

        /// <summary>
        /// The sustained rate: the least-squares slope of accepted sends counted over time, from a second after the
        /// first (the initial burst left out). Unlike "(accepted − burst) / span", it does not hinge on the last
        /// window: a sender that posts each window's sends together and needs one more window for a single retried
        /// send finishes a second later, which that ratio reads as 5 % of a 20-window run, while its rate all along
        /// was the same. Null with fewer than two sends after the first window.
        /// </summary>
        public double? SustainedRate()
        {
            lock (_gate)
            {
                var from = _first + (long)TicksPerSecond;
                var times = _accepted.Where(t => t >= from).Select(t => (t - from) / TicksPerSecond).ToList();
                if (times.Count < 2)
                {
                    return null;
                }

                // Points (time of the i-th send, i): slope = cov(t, i) / var(t).
                var meanTime = times.Average();
                var meanCount = (times.Count - 1) / 2.0;
                double covariance = 0, variance = 0;
                for (var i = 0; i < times.Count; i++)
                {
                    covariance += (times[i] - meanTime) * (i - meanCount);
                    variance += (times[i] - meanTime) * (times[i] - meanTime);
                }

                return variance > 0 ? covariance / variance : null;
            }
        }

        /// <summary>When each 429 was answered, in seconds after the first accepted send (before it: negative).</summary>
        public List<double> ThrottledAt { get; } = [];

        public void Throttled()
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                ThrottledCount++;
                ThrottledAt.Add(AcceptedCount == 0 ? 0 : (now - _first) / TicksPerSecond);
            }
        }
    }

    /// <summary>A token bucket or an exact sliding window, as the platforms describe their limits.</summary>
    private sealed class Limit
    {
        private readonly Lock _gate = new();
        private readonly Queue<long> _window = new();
        private readonly int _capacity;
        private readonly double _perSecond;
        private readonly long _windowTicks;
        private double _tokens;
        private long _refilled = Stopwatch.GetTimestamp();

        private Limit(int capacity, double perSecond, long windowTicks)
        {
            _capacity = capacity;
            _perSecond = perSecond;
            _windowTicks = windowTicks;
            _tokens = capacity;
        }

        public static Limit Bucket(int burst, double perSecond) => new(burst, perSecond, 0);

        public static Limit Window(int permits, TimeSpan window) => new(permits, 0, (long)(window.TotalSeconds * TicksPerSecond));

        public bool TryTake()
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                if (_windowTicks > 0)
                {
                    while (_window.Count > 0 && now - _window.Peek() >= _windowTicks)
                    {
                        _window.Dequeue();
                    }

                    if (_window.Count >= _capacity)
                    {
                        return false;
                    }

                    _window.Enqueue(now);
                    return true;
                }

                _tokens = Math.Min(_capacity, _tokens + ((now - _refilled) / TicksPerSecond * _perSecond));
                _refilled = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }
    }
}
