using System.Text.Json;

namespace MicroMove.Bot.Teams;

/// <summary>
/// An inbound Bot Framework activity as Teams sends it: the fields MicroMove reads, typed.
/// Unknown fields are ignored; every field may be missing, since Teams adds and omits fields
/// by activity type and scope.
/// </summary>
internal sealed record TeamsActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    /// <summary>Invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    /// <summary>IANA zone of the sender's client, when Teams sends it.</summary>
    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    /// <summary><c>msteams</c> (Emulator: <c>emulator</c>).</summary>
    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    /// <summary>The bot (<c>28:{appId}</c>).</summary>
    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>add-upgrade</c>, <c>remove</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<ActivityEntity>? Entities { get; init; }

    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>Card payload: Action.Submit data (message) or the invoke value (invoke).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The tenant: channelData.tenant.id (always sent by Teams), else conversation.tenantId.</summary>
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>The clientInfo entity's IANA time zone, else <see cref="LocalTimezone"/>.</summary>
    public string? ClientTimezone =>
        Entities?.FirstOrDefault(e => e.Type == ActivityEntity.ClientInfoType && !string.IsNullOrEmpty(e.Timezone))?.Timezone
        ?? LocalTimezone;

    /// <summary>The clientInfo entity's locale, else the activity's.</summary>
    public string? ClientLocale =>
        Entities?.FirstOrDefault(e => e.Type == ActivityEntity.ClientInfoType && !string.IsNullOrEmpty(e.Locale))?.Locale
        ?? Locale;

    /// <summary>The Action.Execute payload of an <c>adaptiveCard/action</c> invoke; null for anything else.</summary>
    public AdaptiveCardInvokeValue? AdaptiveCardInvoke =>
        Type == ActivityTypes.Invoke && Name == ActivityTypes.AdaptiveCardActionInvoke && Value is { ValueKind: JsonValueKind.Object } value
            ? TryRead(value)
            : null;

    /// <summary>
    /// The verb of a card action, whichever path it came by: <c>value.action.verb</c> (Action.Execute
    /// invoke) or <c>value.verb</c> (the Action.Submit fallback, a message activity).
    /// </summary>
    public string? CardVerb =>
        AdaptiveCardInvoke?.Action?.Verb
        ?? (Type == ActivityTypes.Message && Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String
                ? verb.GetString()
                : null);

    /// <summary>The text with every <c>&lt;at&gt;…&lt;/at&gt;</c> mention of the bot removed, trimmed.</summary>
    public string TextWithoutBotMention => Mentions.Strip(Text, Entities, Recipient?.Id);

    /// <summary>True when the member is the bot itself (its id equals the recipient's).</summary>
    public bool IsBot(ChannelAccount member) =>
        Recipient?.Id is { } botId && string.Equals(member.Id, botId, StringComparison.Ordinal);

    private static AdaptiveCardInvokeValue? TryRead(JsonElement value)
    {
        try
        {
            return value.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
