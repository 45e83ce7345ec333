using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Teams;

/// <summary>
/// Checks the Teams settings at start-up. Addresses must be https; plain http is allowed only
/// for loopback hosts (tests and local fakes), so a misconfiguration can never fetch keys or
/// send secrets in clear text over a network.
/// </summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.AppId, out _))
        {
            failures.Add("Teams:AppId must be the bot's Microsoft App ID (a GUID).");
        }

        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is required when Teams:AppId is set (outbound messages need a token).");
        }

        if (options.SingleTenant && options.TenantId?.Trim().Length != options.TenantId?.Length)
        {
            failures.Add("Teams:TenantId must not have surrounding spaces.");
        }

        CheckAddress(failures, "Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            CheckAddress(failures, "Teams:TokenEndpoint", options.TokenEndpoint);
        }

        if (options.AllowEmulator)
        {
            CheckAddress(failures, "Teams:EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsSecureOrLoopback(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback);

    private static void CheckAddress(List<string> failures, string setting, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var address) || !IsSecureOrLoopback(address))
        {
            failures.Add($"{setting} must be an absolute https URL (http only for loopback hosts).");
        }
    }
}
