namespace MicroMove.Bot.Teams;

/// <summary>
/// The "Teams" configuration section. Teams is enabled only when <see cref="AppId"/> is set;
/// without it <c>/api/messages</c> is not mapped (404) and nothing Teams-related runs.
/// </summary>
internal sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string EmulatorOpenIdMetadataUrlDefault = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>The bot's Microsoft App ID (GUID): the audience of inbound tokens, the client id of outbound ones.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for outbound client-credentials tokens. Never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Set for a single-tenant bot: outbound tokens come from this tenant instead of botframework.com.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the Bot Connector's signing keys are published (OpenID metadata, then its jwks_uri).</summary>
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>OAuth2 token endpoint for outbound tokens; default depends on <see cref="TenantId"/>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Development only: also accept Bot Framework Emulator tokens (Entra ID app tokens for our own app id).</summary>
    public bool AllowEmulator { get; set; }

    /// <summary>OpenID metadata of Emulator tokens (used only with <see cref="AllowEmulator"/>).</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = EmulatorOpenIdMetadataUrlDefault;

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    public bool SingleTenant => !string.IsNullOrWhiteSpace(TenantId);

    /// <summary>The token endpoint actually used: the configured one, or Entra ID's for the tenant mode.</summary>
    public Uri ResolvedTokenEndpoint => new(
        string.IsNullOrWhiteSpace(TokenEndpoint)
            ? $"https://login.microsoftonline.com/{(SingleTenant ? TenantId : MultiTenantAuthority)}/oauth2/v2.0/token"
            : TokenEndpoint);
}
