using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Bot.Tests.Slack;

/// <summary>
/// Signs requests the way Slack does (v0, HMAC-SHA256 over "v0:{ts}:{body}"), written
/// independently of the production code so the two check each other.
/// </summary>
internal static class SlackRequestSigner
{
    public const string Secret = "test-signing-secret-0123456789abcdef";

    public static string Signature(string secret, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + string.Concat(mac.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static HttpRequestMessage Signed(
        string path,
        string body,
        string contentType,
        string secret = Secret,
        DateTimeOffset? at = null,
        int? retryNum = null)
    {
        var timestamp = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(path, body, contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Signature(secret, timestamp, body));
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    public static HttpRequestMessage Unsigned(string path, string body, string contentType) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", contentType } } },
        };

    public static HttpRequestMessage Json(string path, string body, int? retryNum = null) =>
        Signed(path, body, "application/json", retryNum: retryNum);

    public static HttpRequestMessage Form(string path, string body) =>
        Signed(path, body, "application/x-www-form-urlencoded");
}
