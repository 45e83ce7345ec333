using System.Text.Json.Serialization;

namespace MicroMove.Bot.Teams;

/// <summary>The OAuth2 client-credentials answer (snake_case, as Entra ID writes it).</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }
}
