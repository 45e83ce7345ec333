using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Bot.Slack;

/// <summary>
/// The OAuth CSRF state: a random value sent to Slack and kept in a cookie as
/// "{state}.{expires unix s}.{HMAC}" with a key derived from the signing secret, so any
/// replica can check it without shared server state. Valid for <see cref="Lifetime"/>.
/// </summary>
internal static class SlackOAuthState
{
    public const string CookieName = "micromove_slack_oauth_state";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static (string State, string Cookie) Create(string signingSecret, DateTimeOffset now)
    {
        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = (now + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (state, $"{state}.{expires}.{Mac(signingSecret, state, expires)}");
    }

    public static bool IsValid(string signingSecret, string? cookie, string? state, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(state))
        {
            return false;
        }

        var parts = cookie.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        var macMatches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Mac(signingSecret, parts[0], parts[1])), Encoding.ASCII.GetBytes(parts[2]));
        var stateMatches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(state));
        return macMatches && stateMatches && now.ToUnixTimeSeconds() < expires;
    }

    private static string Mac(string signingSecret, string state, string expires)
    {
        // A key of its own (derived), so an OAuth cookie can never double as a request signature.
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), "micromove:slack-oauth-state"u8);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{state}.{expires}")));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
