namespace MicroMove.Bot.Teams;

/// <summary><c>channelData.tenant</c>.</summary>
internal sealed record TeamsTenantInfo
{
    public string? Id { get; init; }
}
