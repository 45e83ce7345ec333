using System.Net;
using MicroMove.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroMove.Bot.Tests.Hosting;

/// <summary>Log lines written during a request say which request and endpoint, never the path with its signed token.</summary>
public sealed class RequestLogScopeTests(PostgresServer server) : IAsyncLifetime
{
    // Shaped like a real link's token (base64url), so nothing can tell it apart from one.
    private const string Token = "c2lnbmVkLXRva2VuLW9mLWFkYS13ZWVrLTQ4LXNlY3JldA";

    private MicroMoveApp? _app;

    private MicroMoveApp App => _app ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync() =>
        _app = new MicroMoveApp(await server.CreateMigratedDatabaseAsync(), services: s => s.AddLogging(logging => logging.AddFakeLogging()));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/charts/" + Token + ".png", "/charts/{token}.png", "Chart link refused")]
    [InlineData("/exports/" + Token + ".json", "/exports/{token}.json", "Data export link refused")]
    public async Task RefusedLink_IsLoggedWithItsRequestAndRoute_AndTheTokenAppearsNowhere(string path, string route, string logged)
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var records = App.Services.GetFakeLogCollector().GetSnapshot();
        var refusal = Assert.Single(records, r => r.Message.Contains(logged, StringComparison.Ordinal) && r.Level == LogLevel.Warning);
        var scope = Assert.Single(refusal.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>(), s => s.Any(v => v.Key == "Endpoint"));
        Assert.Equal(route, scope.Single(v => v.Key == "Endpoint").Value);
        Assert.False(string.IsNullOrEmpty(scope.Single(v => v.Key == "RequestId").Value as string));

        Assert.All(records, record =>
        {
            Assert.DoesNotContain(Token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, Describe(record.State), StringComparison.Ordinal);
            Assert.All(record.Scopes, s => Assert.DoesNotContain(Token, Describe(s), StringComparison.Ordinal));
        });
    }

    /// <summary>A state or scope as text, its key/value pairs included (what a JSON formatter writes).</summary>
    private static string Describe(object? value) => value switch
    {
        null => string.Empty,
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) + value,
        _ => value.ToString() ?? string.Empty,
    };
}
