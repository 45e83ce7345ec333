using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>Checks the Slack section at start-up, so a typo fails fast with the setting's name.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!IsAbsoluteHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Slack__ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/.");
        }

        if (!IsAbsoluteHttpUrl(options.AuthorizeUrl))
        {
            failures.Add("Slack__AuthorizeUrl must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.OAuthRedirectUrl) && !IsAbsoluteHttpUrl(options.OAuthRedirectUrl))
        {
            failures.Add("Slack__OAuthRedirectUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Slack__ClientId and Slack__ClientSecret go together: set both (OAuth install) or neither.");
        }

        if (options.ResponseUrlHostList.Count == 0)
        {
            failures.Add("Slack__ResponseUrlHosts must name at least one host (default hooks.slack.com).");
        }

        if (options.WorkspaceCacheTime < TimeSpan.Zero || options.WorkspaceCacheTime > TimeSpan.FromHours(1))
        {
            failures.Add("Slack__WorkspaceCacheTime must be between 00:00:00 (off) and 01:00:00.");
        }

        if (!options.Enabled && (!string.IsNullOrWhiteSpace(options.BotToken) || !string.IsNullOrWhiteSpace(options.ClientId)))
        {
            failures.Add("Slack__SigningSecret is required when Slack__BotToken or Slack__ClientId is set (every inbound request is verified with it).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
