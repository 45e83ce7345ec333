namespace MicroMove.Bot.Teams;

/// <summary>An entry of <c>entities</c>: a <c>mention</c> or the <c>clientInfo</c> of the sender's client.</summary>
internal sealed record ActivityEntity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    public string? Type { get; init; }

    /// <summary>mention: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>mention: the <c>&lt;at&gt;…&lt;/at&gt;</c> text as it appears in the message.</summary>
    public string? Text { get; init; }

    public string? Locale { get; init; }

    public string? Country { get; init; }

    public string? Platform { get; init; }

    public string? Timezone { get; init; }
}
