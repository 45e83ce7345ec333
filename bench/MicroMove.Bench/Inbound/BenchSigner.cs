using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Bench.Inbound;

/// <summary>Signs a body as Slack does: v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}")).</summary>
internal static class BenchSigner
{
    public const string Secret = "bench-signing-secret-0123456789abcdef";

    public static HttpRequestMessage SignedForm(Uri url, string body)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }
}
