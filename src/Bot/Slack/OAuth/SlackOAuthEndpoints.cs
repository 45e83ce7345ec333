using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// GET /slack/install → Slack's authorize page (with a CSRF state cookie);
/// GET /slack/oauth/callback → check state, exchange the code, store the sealed bot token,
/// tell the handler, show a small page. Every failure is a 400 with a friendly page.
/// </summary>
internal sealed class SlackOAuthEndpoints(
    IOptions<SlackOptions> options,
    SlackWebApiClient api,
    SlackWorkspaceTokens tokens,
    SlackInboundQueue queue,
    TimeProvider time,
    ILogger<SlackOAuthEndpoints> logger)
{
    /// <summary>
    /// Bot scopes, comma-separated as Slack wants them. chat:write — post/update prompts and
    /// ephemeral replies; im:write — open the DM (conversations.open); im:history — receive the
    /// typed replies ("done 4") as message.im; users:read — time zones (users.info); commands —
    /// /micromove; app_mentions:read — "@MicroMove" in channels; channels:read + groups:read —
    /// team challenges in public/private channels (conversations.members, member_joined_channel).
    /// Scopes are additive across installs, but adding one later forces every workspace to
    /// re-install, so the channel scopes are asked for now. No users:read.email: not needed.
    /// </summary>
    public const string BotScopes = "chat:write,im:write,im:history,users:read,commands,app_mentions:read,channels:read,groups:read";

    public IResult Install(HttpContext http)
    {
        var settings = options.Value;
        if (!settings.OAuthEnabled)
        {
            return Results.NotFound();
        }

        var (state, cookie) = SlackOAuthState.Create(settings.SigningSecret ?? string.Empty, time.GetUtcNow());
        http.Response.Cookies.Append(SlackOAuthState.CookieName, cookie, CookieOptions(http, SlackOAuthState.Lifetime));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = BotScopes,
            ["user_scope"] = string.Empty,
            ["state"] = state,
        };
        if (!string.IsNullOrWhiteSpace(settings.OAuthRedirectUrl))
        {
            query["redirect_uri"] = settings.OAuthRedirectUrl;
        }

        return Results.Redirect(QueryHelpers.AddQueryString(settings.AuthorizeUrl, query));
    }

    public async Task<IResult> CallbackAsync(HttpContext http)
    {
        var settings = options.Value;
        if (!settings.OAuthEnabled)
        {
            return Results.NotFound();
        }

        var query = http.Request.Query;
        var cookie = http.Request.Cookies[SlackOAuthState.CookieName];
        http.Response.Cookies.Delete(SlackOAuthState.CookieName, CookieOptions(http, TimeSpan.Zero));

        if (query["error"].FirstOrDefault() is { Length: > 0 } error)
        {
            logger.SlackOAuthRejected($"Slack returned error {error}");
            return Page(StatusCodes.Status400BadRequest, "Installation cancelled", "MicroMove was not added to Slack. You can start again whenever you like.");
        }

        if (!SlackOAuthState.IsValid(settings.SigningSecret ?? string.Empty, cookie, query["state"].FirstOrDefault(), time.GetUtcNow()))
        {
            logger.SlackOAuthRejected(cookie is null ? "state cookie missing" : "state mismatch or expired");
            return Page(StatusCodes.Status400BadRequest, "This install link has expired", "Please start the installation again from the same browser.");
        }

        if (query["code"].FirstOrDefault() is not { Length: > 0 } code)
        {
            logger.SlackOAuthRejected("code missing");
            return Page(StatusCodes.Status400BadRequest, "Something went wrong", "Slack did not send an installation code. Please start again.");
        }

        SlackOAuthAccess access;
        try
        {
            access = await api.ExchangeOAuthCodeAsync(code, NullIfBlank(settings.OAuthRedirectUrl), http.RequestAborted);
        }
        catch (SlackApiException exception)
        {
            logger.SlackOAuthRejected($"oauth.v2.access failed: {exception.Error}");
            return Page(StatusCodes.Status400BadRequest, "Slack did not accept the installation", $"Slack said: {exception.Error}. Please start again.");
        }

        if (access.TokenType != "bot")
        {
            logger.SlackOAuthRejected($"token type {access.TokenType}");
            return Page(StatusCodes.Status400BadRequest, "Something went wrong", "Slack did not grant a bot token. Please start again.");
        }

        await tokens.SaveInstallationAsync(access, http.RequestAborted);
        var installation = new SlackInstallation(
            access.WorkspaceId, access.TeamName ?? access.WorkspaceId, access.EnterpriseId, access.InstallerUserId, access.BotUserId, access.AppId, access.Scope);
        if (!queue.TryEnqueue(new SlackInboundWork(
            $"installed {access.WorkspaceId}",
            (services, token) => services.GetRequiredService<ISlackInboundHandler>().HandleInstalledAsync(installation, token))))
        {
            logger.SlackQueueFull($"installed {access.WorkspaceId}");
        }

        logger.SlackInstalled(access.WorkspaceId);
        var openSlack = access.AppId is { Length: > 0 } appId
            ? $"https://slack.com/app_redirect?app={Uri.EscapeDataString(appId)}&team={Uri.EscapeDataString(access.WorkspaceId)}"
            : $"slack://open?team={Uri.EscapeDataString(access.WorkspaceId)}";
        return Page(
            StatusCodes.Status200OK,
            "Installed — open Slack",
            $"MicroMove is now part of {access.TeamName ?? "your workspace"}. Open Slack and find MicroMove under Apps.",
            openSlack);
    }

    private static CookieOptions CookieOptions(HttpContext http, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        Path = "/slack",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static IResult Page(int status, string title, string message, string? link = null)
    {
        var encoder = HtmlEncoder.Default;
        var action = link is null
            ? "<p><a href=\"/slack/install\">Add MicroMove to Slack</a></p>"
            : $"<p><a href=\"{encoder.Encode(link)}\">Open Slack</a></p>";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>MicroMove — {encoder.Encode(title)}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
            <h1>{encoder.Encode(title)}</h1><p>{encoder.Encode(message)}</p>{action}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
