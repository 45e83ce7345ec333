using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>A locally generated RSA key, published by the fake issuer as a JWK with Bot Framework endorsements.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string kid, params string[] endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The public half as the JWKS member Teams serves (kty, use, kid, n, e, endorsements).</summary>
    public void WriteJwk(Utf8JsonWriter writer)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        writer.WriteStartObject();
        writer.WriteString("kty", "RSA");
        writer.WriteString("use", "sig");
        writer.WriteString("kid", Kid);
        writer.WriteString("n", Base64UrlEncoder.Encode(parameters.Modulus));
        writer.WriteString("e", Base64UrlEncoder.Encode(parameters.Exponent));
        if (Endorsements.Count > 0)
        {
            writer.WriteStartArray("endorsements");
            foreach (var endorsement in Endorsements)
            {
                writer.WriteStringValue(endorsement);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public void Dispose() => _rsa.Dispose();
}
