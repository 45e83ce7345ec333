using System.Buffers.Binary;
using MicroMove.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Features.Summaries;

/// <summary>
/// Unguessable, expiring chart links with no table behind them: the token is
/// person id (16 bytes) | week's first day (4, day number) | expiry (8, Unix seconds) | HMAC-SHA256 of those (32),
/// base64url. The HMAC key is derived from Security:CredentialKey with HKDF and its own purpose
/// label, so it is independent of the key that seals tokens.
/// </summary>
internal sealed class ChartLinks(CredentialProtector credentials, TimeProvider clock, IOptions<SummaryOptions> options)
{
    public const string Purpose = "MicroMove chart links v1";

    /// <summary>How long a chart link in a summary keeps working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private const int PayloadSize = 16 + 4 + 8;

    private readonly byte[] _key = credentials.DeriveKey(Purpose);

    /// <summary>The absolute URL of the person's chart of the week starting on <paramref name="firstDay"/>, valid for <see cref="Lifetime"/>.</summary>
    public Uri UrlFor(Guid personId, DateOnly firstDay)
    {
        var token = Create(new ChartTicket(personId, firstDay, clock.GetUtcNow() + Lifetime));
        return new Uri(options.Value.BaseUri, $"charts/{token}.png");
    }

    public string Create(ChartTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Span<byte> token = stackalloc byte[PayloadSize];
        ticket.PersonId.TryWriteBytes(token[..16]);
        BinaryPrimitives.WriteInt32BigEndian(token[16..20], ticket.FirstDay.DayNumber);
        BinaryPrimitives.WriteInt64BigEndian(token[20..PayloadSize], ticket.ExpiresAt.ToUnixTimeSeconds());
        return SignedTokens.Seal(_key, token);
    }

    /// <summary>The ticket a token grants, or null with the reason (malformed, forged, expired) — never the token itself in logs.</summary>
    public ChartTicket? Verify(string token, out string problem)
    {
        Span<byte> bytes = stackalloc byte[PayloadSize];
        if (!SignedTokens.TryOpen(_key, token, bytes, out problem))
        {
            return null;
        }

        var dayNumber = BinaryPrimitives.ReadInt32BigEndian(bytes[16..20]);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes[20..PayloadSize]));
        if (expiresAt <= clock.GetUtcNow())
        {
            problem = "expired";
            return null;
        }

        problem = string.Empty;
        return new ChartTicket(new Guid(bytes[..16]), DateOnly.FromDayNumber(dayNumber), expiresAt);
    }
}
