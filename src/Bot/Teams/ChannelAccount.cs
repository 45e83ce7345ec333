namespace MicroMove.Bot.Teams;

/// <summary>A user (<c>29:…</c>) or bot (<c>28:…</c>) account.</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The Entra ID object id: stable across bots, unlike <see cref="Id"/>.</summary>
    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}
