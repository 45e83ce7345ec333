using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroMove.Bot.Teams;
using MicroMove.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>
/// The bot with Teams enabled against a loopback fake Bot Framework, a recording handler in place of
/// the features, and (by default) a fake clock: tokens are minted for <see cref="Now"/>, years from the
/// machine's date, so accepting them proves the validator reads our TimeProvider.
/// </summary>
internal sealed class TeamsTestBed : IAsyncDisposable
{
    public const string AppId = "6d0a4f4e-1a0b-4c2f-9d1e-7a9b8c7d6e5f";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static readonly DateTimeOffset Now = new(2030, 1, 14, 9, 0, 0, TimeSpan.Zero);

    private TeamsTestBed(FakeBotFramework fake, MicroMoveApp app, RecordingTeamsActivityHandler handler, FakeTimeProvider? time, TestSigningKey key)
    {
        Fake = fake;
        App = app;
        Handler = handler;
        Time = time;
        Key = key;
    }

    public FakeBotFramework Fake { get; }

    public MicroMoveApp App { get; }

    public RecordingTeamsActivityHandler Handler { get; }

    public FakeTimeProvider? Time { get; }

    /// <summary>The published key, endorsed for msteams.</summary>
    public TestSigningKey Key { get; }

    /// <summary>
    /// Starts the bot; <paramref name="handler"/> chooses what replaces the features (default: the
    /// recorder itself; returning null keeps the app's own TeamsConversationHandler).
    /// </summary>
    public static async Task<TeamsTestBed> StartAsync(
        PostgresServer server,
        bool fakeClock = true,
        IReadOnlyDictionary<string, string?>? extraSettings = null,
        Func<RecordingTeamsActivityHandler, ITeamsActivityHandler?>? handler = null)
    {
        var fake = await FakeBotFramework.StartAsync();
        var key = new TestSigningKey("key-1", "msteams");
        fake.PublishKeys(key);
        var recorder = new RecordingTeamsActivityHandler();
        var replacement = handler is null ? recorder : handler(recorder);
        var time = fakeClock ? new FakeTimeProvider(Now) : null;
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
        };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = value?.Replace("{metadata}", fake.MetadataUrl, StringComparison.Ordinal);
        }

        var app = new MicroMoveApp(await server.CreateMigratedDatabaseAsync(), settings, services =>
        {
            if (replacement is not null)
            {
                services.RemoveAll<ITeamsActivityHandler>();
                services.AddSingleton(replacement);
            }

            if (time is not null)
            {
                services.AddSingleton<TimeProvider>(time);
            }
        });
        return new TeamsTestBed(fake, app, recorder, time, key);
    }

    /// <summary>The clock tokens are minted against: the fake clock, or the machine's.</summary>
    public DateTimeOffset Clock => Time?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();

    /// <summary>A Connector token as Teams sends it (issuer, audience, serviceurl, 1 h lifetime); <paramref name="tweak"/> breaks it.</summary>
    public string Token(string serviceUrl, Action<SecurityTokenDescriptor>? tweak = null, TestSigningKey? key = null)
    {
        var now = Clock.UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials((key ?? Key).SecurityKey, SecurityAlgorithms.RsaSha256),
        };
        tweak?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>POSTs an activity to /api/messages with the given Authorization header value (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string activityJson, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await App.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>POSTs an activity with a valid token for its own serviceUrl.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string activityJson) =>
        PostAsync(activityJson, $"Bearer {Token(ServiceUrlOf(activityJson))}");

    public static string ServiceUrlOf(string activityJson) =>
        JsonNode.Parse(activityJson)?["serviceUrl"]?.GetValue<string>() ?? string.Empty;

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", name));

    /// <summary>A fixture with fields set or replaced (e.g. an envelope for the card-only samples).</summary>
    public static string Fixture(string name, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Fixture(name))?.AsObject() ?? throw new InvalidOperationException(name);
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>A personal-chat message from the fixture, with its id replaced.</summary>
    public static string Message(string id, string text = "done") => Fixture("message_activity.json", node =>
    {
        node["id"] = id;
        node["text"] = text;
    });

    /// <summary>The object at <paramref name="name"/> inside <paramref name="node"/>.</summary>
    public static JsonObject Child(JsonObject node, string name) =>
        node[name]?.AsObject() ?? throw new InvalidOperationException($"no object '{name}'");

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        Key.Dispose();
    }
}
