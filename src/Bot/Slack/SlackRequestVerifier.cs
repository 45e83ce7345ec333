using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>Verifies an inbound request's headers and raw body against the configured signing secret and the injected clock.</summary>
internal sealed class SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public SlackSignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            // Unreachable while the endpoints are disabled without a secret; never accept unsigned input.
            return SlackSignatureCheck.Mismatch;
        }

        return SlackSignature.Verify(secret, timestamp, signature, body, time.GetUtcNow());
    }
}
