namespace MicroMove.Bot.Teams;

/// <summary>Body of <c>POST /v3/conversations</c>: a 1:1 conversation with one user of one tenant.</summary>
internal sealed record ConversationParameters
{
    public bool IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public required IReadOnlyList<ChannelAccount> Members { get; init; }

    public required string TenantId { get; init; }

    public TeamsChannelData? ChannelData { get; init; }
}
