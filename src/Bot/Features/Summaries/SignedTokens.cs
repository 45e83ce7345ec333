using System.Buffers.Text;
using System.Security.Cryptography;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// The shape shared by the bot's table-less links (charts, data exports): a fixed-size payload
/// followed by its HMAC-SHA256, base64url. Each link kind brings its own key (HKDF purpose) and
/// reads its own payload; this only seals and checks.
/// </summary>
internal static class SignedTokens
{
    private const int MacSize = 32;

    public static string Seal(byte[] key, ReadOnlySpan<byte> payload)
    {
        Span<byte> token = stackalloc byte[payload.Length + MacSize];
        payload.CopyTo(token);
        HMACSHA256.HashData(key, payload, token[payload.Length..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Fills <paramref name="payload"/> from a genuine token; otherwise says why ("malformed" or "forged").</summary>
    public static bool TryOpen(byte[] key, string? token, Span<byte> payload, out string problem)
    {
        Span<byte> bytes = stackalloc byte[payload.Length + MacSize];
        if (!TryDecode(token, bytes))
        {
            problem = "malformed";
            return false;
        }

        Span<byte> expected = stackalloc byte[MacSize];
        HMACSHA256.HashData(key, bytes[..payload.Length], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[payload.Length..]))
        {
            problem = "forged";
            return false;
        }

        bytes[..payload.Length].CopyTo(payload);
        problem = string.Empty;
        return true;
    }

    private static bool TryDecode(string? token, Span<byte> bytes)
    {
        if (token is null
            || token.Length != Base64Url.GetEncodedLength(bytes.Length)
            || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        try
        {
            return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == bytes.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
