namespace MicroMove.Bot.Teams;

/// <summary>The conversation an activity belongs to.</summary>
internal sealed record ConversationAccount
{
    /// <summary><c>a:…</c> personal; <c>19:…@thread.tacv2</c> channel or group (<c>;messageid=</c> suffix = a thread).</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary><c>personal</c>, <c>channel</c> or <c>groupChat</c>.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }
}
