using System.Buffers.Binary;
using MicroMove.Bot.Features.Summaries;
using MicroMove.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Features.Privacy;

/// <summary>
/// Unguessable, short-lived links to a person's data export, with no table behind them: the token is
/// person id (16 bytes) | expiry (8, Unix seconds) | HMAC-SHA256 of those (32), base64url. The HMAC key
/// is derived from Security:CredentialKey with HKDF under its own purpose label, so a chart link can
/// never pass as an export link (or the other way round), and neither key can open sealed tokens.
/// </summary>
internal sealed class ExportLinks(CredentialProtector credentials, TimeProvider clock, IOptions<SummaryOptions> options)
{
    public const string Purpose = "MicroMove data export links v1";

    /// <summary>How long an export link works: long enough to click, short enough that a leaked link soon goes dead.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const int PayloadSize = 16 + 8;

    private readonly byte[] _key = credentials.DeriveKey(Purpose);

    /// <summary>The absolute URL of the person's export, valid for <see cref="Lifetime"/> from now.</summary>
    public Uri UrlFor(Guid personId)
    {
        var token = Create(new ExportTicket(personId, clock.GetUtcNow() + Lifetime));
        return new Uri(options.Value.BaseUri, $"exports/{token}.json");
    }

    public string Create(ExportTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Span<byte> token = stackalloc byte[PayloadSize];
        ticket.PersonId.TryWriteBytes(token[..16]);
        BinaryPrimitives.WriteInt64BigEndian(token[16..PayloadSize], ticket.ExpiresAt.ToUnixTimeSeconds());
        return SignedTokens.Seal(_key, token);
    }

    /// <summary>The ticket a token grants, or null with the reason (malformed, forged, expired) — never the token itself in logs.</summary>
    public ExportTicket? Verify(string? token, out string problem)
    {
        Span<byte> bytes = stackalloc byte[PayloadSize];
        if (!SignedTokens.TryOpen(_key, token, bytes, out problem))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes[16..PayloadSize]));
        if (expiresAt <= clock.GetUtcNow())
        {
            problem = "expired";
            return null;
        }

        problem = string.Empty;
        return new ExportTicket(new Guid(bytes[..16]), expiresAt);
    }
}
