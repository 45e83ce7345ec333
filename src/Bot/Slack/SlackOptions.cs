namespace MicroMove.Bot.Slack;

/// <summary>
/// The "Slack" configuration section. Slack is on only when <see cref="SigningSecret"/> is set;
/// without it every /slack route answers 404 (the dev console run has no Slack).
/// </summary>
internal sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";
    public const string DefaultAuthorizeUrl = "https://slack.com/oauth/v2/authorize";
    public const string DefaultResponseUrlHosts = "hooks.slack.com";

    /// <summary>Signs every inbound request (App settings → Basic Information → Signing Secret).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Single-workspace mode: the bot token (xoxb-…) of the one workspace.</summary>
    public string? BotToken { get; set; }

    /// <summary>OAuth install (distributed app): client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth install (distributed app): client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Redirect URL sent to Slack on install; optional (Slack then uses the app's only configured one).</summary>
    public string? OAuthRedirectUrl { get; set; }

    /// <summary>Web API base; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Where GET /slack/install sends the installer.</summary>
    public string AuthorizeUrl { get; set; } = DefaultAuthorizeUrl;

    /// <summary>Comma-separated hosts a response_url may point at (it comes from the request body).</summary>
    public string ResponseUrlHosts { get; set; } = DefaultResponseUrlHosts;

    /// <summary>How many events, commands and actions are handled at once after their ack (Slack__InboundWorkers).</summary>
    public int InboundWorkers { get; set; } = 16;

    /// <summary>
    /// How long an inbound request's workspace (row id and opened bot token) is reused before it is
    /// read again (Slack__WorkspaceCacheTime); zero reads it every time. Uninstalling, revoking or
    /// re-installing on this replica drops it at once; on another replica within this time.
    /// </summary>
    public TimeSpan WorkspaceCacheTime { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool OAuthEnabled => Enabled && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public IReadOnlyList<string> ResponseUrlHostList =>
        ResponseUrlHosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
