namespace MicroMove.Bot.Tests.Slack;

/// <summary>What the fake Slack Web API answers.</summary>
internal sealed record FakeSlackResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeSlackResponse Json(string body, int status = 200) => new(status, body, new Dictionary<string, string>());

    public static FakeSlackResponse Fixture(string name, int status = 200) => Json(SlackFixtures.Text(name), status);

    public static FakeSlackResponse RateLimited(int retryAfterSeconds) =>
        new(429, "{\"ok\":false,\"error\":\"ratelimited\"}", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
