using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Slack's v0 request signature: HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}"),
/// lower-case hex, prefixed "v0=". The secret is used as UTF-8 text (not hex-decoded).
/// </summary>
internal static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string VersionPrefix = "v0=";

    /// <summary>Requests older or newer than this are replays (or a broken clock).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(300);

    private const int HexLength = 64;

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), data);
        return VersionPrefix + Convert.ToHexStringLower(mac);
    }

    public static SlackSignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return SlackSignatureCheck.MissingTimestamp;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || timestamp.Length > 12)
        {
            return SlackSignatureCheck.MalformedTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)MaxClockSkew.TotalSeconds)
        {
            return SlackSignatureCheck.StaleTimestamp;
        }

        if (string.IsNullOrEmpty(signature))
        {
            return SlackSignatureCheck.MissingSignature;
        }

        if (!signature.StartsWith(VersionPrefix, StringComparison.Ordinal))
        {
            return SlackSignatureCheck.UnsupportedVersion;
        }

        if (signature.Length != VersionPrefix.Length + HexLength)
        {
            return SlackSignatureCheck.MalformedSignature;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Mismatch;
    }
}
