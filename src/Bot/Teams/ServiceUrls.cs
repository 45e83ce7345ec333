using System.Diagnostics.CodeAnalysis;

namespace MicroMove.Bot.Teams;

/// <summary>One spelling per Connector service URL: lower-case scheme and host, path ending in '/'.</summary>
internal static class ServiceUrls
{
    public static bool TryNormalize(string? serviceUrl, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || !TeamsOptionsValidator.IsSecureOrLoopback(uri)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        normalized = $"{uri.Scheme}://{uri.Authority.ToLowerInvariant()}{path}";
        return true;
    }

    /// <summary><paramref name="serviceUrl"/> (normalized) + <paramref name="relativePath"/> (no leading '/').</summary>
    public static Uri Combine(string serviceUrl, string relativePath) => new(serviceUrl + relativePath, UriKind.Absolute);
}
