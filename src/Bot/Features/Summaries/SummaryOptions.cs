namespace MicroMove.Bot.Features.Summaries;

/// <summary>Root setting <c>PublicBaseUrl</c>: where chat platforms reach the bot, for absolute chart links.</summary>
internal sealed class SummaryOptions
{
    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    /// <summary>The bot's public base URL (http or https), e.g. https://micromove.example.com.</summary>
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    /// <summary>The base URL with a trailing slash, so relative paths keep any path prefix.</summary>
    public Uri BaseUri => new(PublicBaseUrl.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/", UriKind.Absolute);

    public bool IsValid =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);
}
