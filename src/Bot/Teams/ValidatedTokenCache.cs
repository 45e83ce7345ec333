using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Bearer tokens that passed full validation recently. The Bot Connector signs one token and sends it
/// with every activity for up to an hour, so checking its RSA signature, issuer, audience and keys on
/// each request repeats the same work; a token seen again within <see cref="MaxAge"/> (and before
/// its own expiry plus the clock skew validation allows) gets the identity validated the first time.
/// Only what the token says is remembered: the checks against the activity (serviceurl claim,
/// endorsements) still run on every request. Keyed by the SHA-256 of the token, so the token itself
/// is never kept; failures are never cached.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The Connector uses a handful of tokens at a time; far more means something odd, and the cache starts over.</summary>
    public const int MaxEntries = 1024;

    private const int StackLimit = 4096;

    private readonly ConcurrentDictionary<TokenHash, (BotConnectorIdentity Identity, DateTimeOffset Until)> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The identity of a token validated before and still inside its cache window.</summary>
    public bool TryGet(string token, out BotConnectorIdentity identity)
    {
        var key = TokenHash.Of(token);
        if (_entries.TryGetValue(key, out var entry))
        {
            if (time.GetUtcNow() < entry.Until)
            {
                identity = entry.Identity;
                return true;
            }

            _entries.TryRemove(key, out _);
        }

        identity = BotConnectorIdentity.Rejected("not cached");
        return false;
    }

    /// <summary>Remembers a successful validation until <paramref name="validUntil"/> or <see cref="MaxAge"/> from now, whichever comes first.</summary>
    public void Add(string token, BotConnectorIdentity identity, DateTimeOffset validUntil)
    {
        if (!identity.IsAuthenticated)
        {
            return;
        }

        var now = time.GetUtcNow();
        var until = validUntil < now + MaxAge ? validUntil : now + MaxAge;
        if (until <= now)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            Prune(now);
        }

        _entries[TokenHash.Of(token)] = (identity, until);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Until <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }

    /// <summary>SHA-256 of the token's UTF-8 bytes, as four words (no string, no copy of the token kept).</summary>
    private readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static TokenHash Of(string token)
        {
            var length = Encoding.UTF8.GetMaxByteCount(token.Length);
            byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
            try
            {
                Span<byte> buffer = rented ?? stackalloc byte[StackLimit];
                var written = Encoding.UTF8.GetBytes(token, buffer);
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(buffer[..written], hash);
                return new TokenHash(
                    BitConverter.ToUInt64(hash[..8]),
                    BitConverter.ToUInt64(hash[8..16]),
                    BitConverter.ToUInt64(hash[16..24]),
                    BitConverter.ToUInt64(hash[24..]));
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented, clearArray: true);
                }
            }
        }
    }
}
