using System.Security.Cryptography;
using System.Text;

namespace MicroMove.Infrastructure.Security;

/// <summary>
/// Seals workspace credentials (bot tokens) with AES-256-GCM before they reach the
/// database. The workspace's identity is bound in as associated data, so a sealed
/// token copied onto another workspace's row fails to open.
/// Layout: version (1 byte) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class CredentialProtector
{
    public const int KeySize = 32;
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly byte[] _key;

    public CredentialProtector(byte[] key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The credential key must be {KeySize} bytes (base64 of 32 random bytes).", nameof(key));
        }

        _key = [.. key];
    }

    public static CredentialProtector FromBase64(string base64Key)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The credential key is not valid base64.", nameof(base64Key));
        }

        return new CredentialProtector(key);
    }

    public static string NewBase64Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>
    /// A 32-byte key for another purpose (e.g. signing chart links), derived from the credential
    /// key with HKDF-SHA256 and the purpose as its label: independent of the sealing key and of
    /// every other purpose, and stable as long as the credential key is.
    /// </summary>
    public byte[] DeriveKey(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, KeySize, salt: [], info: Encoding.UTF8.GetBytes(purpose));
    }

    public byte[] Protect(string secret, string context)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return output;
    }

    /// <summary>Opens a sealed secret; throws <see cref="CryptographicException"/> if it was altered, sealed for another context or with another key.</summary>
    public string Unprotect(byte[] sealedSecret, string context)
    {
        if (sealedSecret.Length < HeaderSize || sealedSecret[0] != FormatVersion)
        {
            throw new CryptographicException("Not a sealed MicroMove credential.");
        }

        var plaintext = new byte[sealedSecret.Length - HeaderSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            sealedSecret.AsSpan(1, NonceSize),
            sealedSecret.AsSpan(HeaderSize),
            sealedSecret.AsSpan(1 + NonceSize, TagSize),
            plaintext,
            Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plaintext);
    }
}
