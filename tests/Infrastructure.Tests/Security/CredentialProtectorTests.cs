using System.Security.Cryptography;
using System.Text;
using MicroMove.Infrastructure.Security;

namespace MicroMove.Infrastructure.Tests.Security;

public sealed class CredentialProtectorTests
{
    private const string Token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private readonly CredentialProtector _protector = CredentialProtector.FromBase64(CredentialProtector.NewBase64Key());

    [Fact]
    public void Unprotect_WhatWasProtected_GivesTheSecretBack()
    {
        var sealedToken = _protector.Protect(Token, "slack:T0001");

        Assert.Equal(Token, _protector.Unprotect(sealedToken, "slack:T0001"));
    }

    [Fact]
    public void Protect_NeverStoresTheSecretInClear_AndDiffersEachTime()
    {
        var first = _protector.Protect(Token, "slack:T0001");
        var second = _protector.Protect(Token, "slack:T0001");

        Assert.DoesNotContain("xoxb", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Unprotect_TokenMovedToAnotherWorkspace_Fails()
    {
        var sealedToken = _protector.Protect(Token, "slack:T0001");

        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(sealedToken, "slack:T0002"));
    }

    [Fact]
    public void Unprotect_TamperedBytes_Fails()
    {
        var sealedToken = _protector.Protect(Token, "slack:T0001");
        sealedToken[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(sealedToken, "slack:T0001"));
    }

    [Fact]
    public void Unprotect_WithAnotherKey_Fails()
    {
        var sealedToken = _protector.Protect(Token, "slack:T0001");
        var other = CredentialProtector.FromBase64(CredentialProtector.NewBase64Key());

        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(sealedToken, "slack:T0001"));
    }

    [Fact]
    public void Unprotect_GarbageOrTruncated_Fails()
    {
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect([1, 2, 3], "slack:T0001"));
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(new byte[40], "slack:T0001"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void FromBase64_UnusableKey_IsRefusedWithAReason(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => CredentialProtector.FromBase64(key));

        Assert.Contains("key", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
