using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Turns verified raw bodies into typed input. Never throws on bad input: every problem is an
/// <see cref="SlackParseOutcome.Invalid"/> (400) or <see cref="SlackParseOutcome.Ignored"/> (200) with a reason.
/// </summary>
internal static class SlackPayloadParser
{
    public static SlackParsed<SlackEventsRequest> ParseEvents(ReadOnlySpan<byte> body, int? retryNum)
    {
        SlackEventEnvelopeWire? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackEventEnvelopeWire);
        }
        catch (JsonException)
        {
            return SlackParsed<SlackEventsRequest>.Invalid("body is not a JSON event envelope");
        }

        if (envelope?.Type is not { Length: > 0 } type)
        {
            return SlackParsed<SlackEventsRequest>.Invalid("envelope type missing");
        }

        switch (type)
        {
            case "url_verification":
                return envelope.Challenge is { Length: > 0 } challenge
                    ? new SlackParsed<SlackEventsRequest>(SlackParseOutcome.UrlVerification, new SlackEventsRequest(null, challenge), null)
                    : SlackParsed<SlackEventsRequest>.Invalid("url_verification without challenge");
            case "app_rate_limited":
                return SlackParsed<SlackEventsRequest>.Ignore($"app_rate_limited for team {envelope.TeamId} (minute {envelope.MinuteRateLimited})");
            case "event_callback":
                break;
            default:
                return SlackParsed<SlackEventsRequest>.Ignore($"envelope type {type}");
        }

        if (envelope.EventId is not { Length: > 0 } eventId)
        {
            return SlackParsed<SlackEventsRequest>.Invalid("event_id missing");
        }

        var teamId = envelope.TeamId ?? envelope.Authorizations?.FirstOrDefault()?.TeamId;
        if (string.IsNullOrEmpty(teamId))
        {
            return SlackParsed<SlackEventsRequest>.Invalid("team_id missing");
        }

        if (envelope.Event is not { ValueKind: JsonValueKind.Object } inner)
        {
            return SlackParsed<SlackEventsRequest>.Invalid("event object missing");
        }

        var context = new SlackEventContext(
            eventId,
            teamId,
            envelope.EnterpriseId ?? envelope.Authorizations?.FirstOrDefault()?.EnterpriseId,
            envelope.ApiAppId,
            envelope.EventTime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            retryNum);
        var botUserIds = envelope.Authorizations?.Where(a => a.IsBot && a.UserId is not null).Select(a => a.UserId).ToHashSet(StringComparer.Ordinal) ?? [];
        var parsed = ParseInnerEvent(context, inner, botUserIds);
        return parsed.Outcome == SlackParseOutcome.Accepted && parsed.Value is { } slackEvent
            ? SlackParsed<SlackEventsRequest>.Accept(new SlackEventsRequest(slackEvent, null))
            : new SlackParsed<SlackEventsRequest>(parsed.Outcome, null, parsed.Reason);
    }

    public static SlackParsed<SlackCommand> ParseCommand(ReadOnlySpan<byte> body)
    {
        var form = ParseForm(body);
        string? Field(string name) => form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

        foreach (var required in (string[])["team_id", "user_id", "channel_id", "command", "response_url"])
        {
            if (string.IsNullOrEmpty(Field(required)))
            {
                return SlackParsed<SlackCommand>.Invalid($"{required} missing");
            }
        }

        if (!Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var responseUrl))
        {
            return SlackParsed<SlackCommand>.Invalid("response_url is not an absolute URL");
        }

        return SlackParsed<SlackCommand>.Accept(new SlackCommand(
            TeamId: Field("team_id") ?? string.Empty,
            EnterpriseId: NullIfEmpty(Field("enterprise_id")),
            UserId: Field("user_id") ?? string.Empty,
            UserName: NullIfEmpty(Field("user_name")),
            ChannelId: Field("channel_id") ?? string.Empty,
            Command: Field("command") ?? string.Empty,
            Text: Field("text") ?? string.Empty,
            ResponseUrl: responseUrl,
            TriggerId: NullIfEmpty(Field("trigger_id")),
            ApiAppId: NullIfEmpty(Field("api_app_id")),
            TeamDomain: NullIfEmpty(Field("team_domain")),
            ChannelName: NullIfEmpty(Field("channel_name")),
            IsEnterpriseInstall: string.Equals(Field("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase)));
    }

    public static SlackParsed<SlackInteraction> ParseInteraction(ReadOnlySpan<byte> body)
    {
        var form = ParseForm(body);
        if (!form.TryGetValue("payload", out var payloads) || payloads.Count != 1 || string.IsNullOrEmpty(payloads[0]))
        {
            return SlackParsed<SlackInteraction>.Invalid("payload field missing");
        }

        SlackInteractionWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(payloads[0] ?? string.Empty, SlackJsonContext.Default.SlackInteractionWire);
        }
        catch (JsonException)
        {
            return SlackParsed<SlackInteraction>.Invalid("payload is not a JSON interaction");
        }

        if (wire?.Type is not { Length: > 0 } type)
        {
            return SlackParsed<SlackInteraction>.Invalid("payload type missing");
        }

        if (type is not ("block_actions" or "view_submission" or "view_closed"))
        {
            return SlackParsed<SlackInteraction>.Ignore($"interaction type {type}");
        }

        if (wire.User?.Id is not { Length: > 0 } userId)
        {
            return SlackParsed<SlackInteraction>.Invalid("user.id missing");
        }

        var teamId = wire.Team?.Id ?? wire.User.TeamId;
        if (string.IsNullOrEmpty(teamId))
        {
            return SlackParsed<SlackInteraction>.Invalid("team missing");
        }

        var context = new SlackInteractionContext(
            teamId,
            wire.Enterprise?.Id,
            userId,
            wire.User.Username ?? wire.User.Name,
            wire.ApiAppId,
            wire.TriggerId,
            wire.IsEnterpriseInstall ?? false);

        return type switch
        {
            "block_actions" => ParseBlockActions(context, wire),
            "view_submission" => ParseViewSubmission(context, wire),
            _ => ParseViewClosed(context, wire),
        };
    }

    /// <summary>Slack's unsigned <c>ssl_check=1</c> probe (sent to slash-command URLs): answer 200, do nothing.</summary>
    public static bool IsSslCheck(ReadOnlySpan<byte> body) =>
        body.Length < 512 && ParseForm(body).TryGetValue("ssl_check", out var values) && values == "1";

    private static SlackParsed<SlackEvent> ParseInnerEvent(SlackEventContext context, JsonElement inner, HashSet<string?> botUserIds)
    {
        var type = Str(inner, "type");
        switch (type)
        {
            case null or "":
                return SlackParsed<SlackEvent>.Invalid("event.type missing");
            case "message":
                if (Str(inner, "subtype") is { } subtype)
                {
                    return SlackParsed<SlackEvent>.Ignore($"message subtype {subtype}");
                }

                if (Str(inner, "bot_id") is not null)
                {
                    return SlackParsed<SlackEvent>.Ignore("message from a bot");
                }

                if (Str(inner, "channel_type") != "im")
                {
                    return SlackParsed<SlackEvent>.Ignore($"message in a {Str(inner, "channel_type") ?? "unknown"} channel");
                }

                if (Str(inner, "user") is not { Length: > 0 } user)
                {
                    return SlackParsed<SlackEvent>.Ignore("message without a user");
                }

                if (botUserIds.Contains(user))
                {
                    return SlackParsed<SlackEvent>.Ignore("the bot's own message");
                }

                return Str(inner, "channel") is { Length: > 0 } channel && Str(inner, "ts") is { Length: > 0 } ts
                    ? SlackParsed<SlackEvent>.Accept(new SlackDirectMessageEvent(
                        context, user, channel, Str(inner, "text") ?? string.Empty, ts, Str(inner, "thread_ts"), Str(inner, "client_msg_id")))
                    : SlackParsed<SlackEvent>.Invalid("message without channel or ts");
            case "app_mention":
                if (Str(inner, "bot_id") is not null)
                {
                    return SlackParsed<SlackEvent>.Ignore("app_mention from a bot");
                }

                return Str(inner, "user") is { Length: > 0 } mentioner && Str(inner, "channel") is { Length: > 0 } mentionChannel && Str(inner, "ts") is { Length: > 0 } mentionTs
                    ? SlackParsed<SlackEvent>.Accept(new SlackAppMentionEvent(
                        context, mentioner, mentionChannel, Str(inner, "text") ?? string.Empty, mentionTs, Str(inner, "thread_ts")))
                    : SlackParsed<SlackEvent>.Invalid("app_mention without user, channel or ts");
            case "app_home_opened":
                return Str(inner, "user") is { Length: > 0 } opener
                    ? SlackParsed<SlackEvent>.Accept(new SlackAppHomeOpenedEvent(context, opener, Str(inner, "channel"), Str(inner, "tab") ?? "home"))
                    : SlackParsed<SlackEvent>.Invalid("app_home_opened without user");
            case "app_uninstalled":
                return SlackParsed<SlackEvent>.Accept(new SlackAppUninstalledEvent(context));
            case "tokens_revoked":
                var tokens = inner.TryGetProperty("tokens", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
                return SlackParsed<SlackEvent>.Accept(new SlackTokensRevokedEvent(context, Strings(tokens, "bot"), Strings(tokens, "oauth")));
            default:
                return SlackParsed<SlackEvent>.Ignore($"event type {type}");
        }
    }

    private static SlackParsed<SlackInteraction> ParseBlockActions(SlackInteractionContext context, SlackInteractionWire wire)
    {
        if (wire.Actions is not { Count: > 0 } wireActions)
        {
            return SlackParsed<SlackInteraction>.Invalid("block_actions without actions");
        }

        var actions = new List<SlackAction>(wireActions.Count);
        foreach (var action in wireActions)
        {
            if (action.ActionId is not { Length: > 0 } actionId)
            {
                return SlackParsed<SlackInteraction>.Invalid("action without action_id");
            }

            actions.Add(new SlackAction(
                actionId,
                action.BlockId,
                action.Type ?? string.Empty,
                action.Value,
                action.SelectedOption?.Value,
                OptionValues(action.SelectedOptions),
                action.SelectedDate,
                action.SelectedTime,
                action.SelectedUser,
                action.SelectedConversation,
                action.SelectedChannel,
                action.ActionTs));
        }

        var container = new SlackContainer(
            wire.Container?.Type ?? (wire.View is null ? "message" : "view"),
            wire.Container?.ChannelId ?? wire.Channel?.Id,
            wire.Container?.MessageTs ?? wire.Message?.Ts,
            wire.Container?.ViewId ?? wire.View?.Id,
            wire.Container?.IsEphemeral ?? false);
        Uri? responseUrl = Uri.TryCreate(wire.ResponseUrl, UriKind.Absolute, out var parsedUrl) ? parsedUrl : null;
        return SlackParsed<SlackInteraction>.Accept(new SlackBlockActions(
            context, actions, container, responseUrl, Values(wire.State ?? wire.View?.State)));
    }

    private static SlackParsed<SlackInteraction> ParseViewSubmission(SlackInteractionContext context, SlackInteractionWire wire)
    {
        if (wire.View?.Id is not { Length: > 0 } viewId)
        {
            return SlackParsed<SlackInteraction>.Invalid("view_submission without view.id");
        }

        if (wire.View.State?.Values is null)
        {
            return SlackParsed<SlackInteraction>.Invalid("view_submission without view.state.values");
        }

        return SlackParsed<SlackInteraction>.Accept(new SlackViewSubmission(
            context, viewId, wire.View.CallbackId, wire.View.PrivateMetadata, wire.View.Hash, Values(wire.View.State)));
    }

    private static SlackParsed<SlackInteraction> ParseViewClosed(SlackInteractionContext context, SlackInteractionWire wire) =>
        wire.View?.Id is { Length: > 0 } viewId
            ? SlackParsed<SlackInteraction>.Accept(new SlackViewClosed(context, viewId, wire.View.CallbackId, wire.View.PrivateMetadata, wire.IsCleared ?? false))
            : SlackParsed<SlackInteraction>.Invalid("view_closed without view.id");

    private static Dictionary<string, IReadOnlyDictionary<string, SlackInputValue>> Values(SlackStateWire? state)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, SlackInputValue>>(StringComparer.Ordinal);
        foreach (var (blockId, actions) in state?.Values ?? [])
        {
            var block = new Dictionary<string, SlackInputValue>(StringComparer.Ordinal);
            foreach (var (actionId, value) in actions ?? [])
            {
                if (value is null)
                {
                    continue;
                }

                block[actionId] = new SlackInputValue(
                    value.Type ?? string.Empty,
                    value.Value,
                    value.SelectedOption?.Value,
                    OptionValues(value.SelectedOptions),
                    value.SelectedDate,
                    value.SelectedTime,
                    value.SelectedDateTime,
                    value.SelectedUser,
                    value.SelectedConversation,
                    value.SelectedChannel,
                    value.Timezone);
            }

            result[blockId] = block;
        }

        return result;
    }

    private static string[] OptionValues(List<SlackOptionWire>? options) =>
        options?.Select(o => o?.Value).OfType<string>().ToArray() ?? [];

    private static Dictionary<string, StringValues> ParseForm(ReadOnlySpan<byte> body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string[] Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()).OfType<string>().ToArray()
            : [];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static int? RetryNumber(string? header) =>
        int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
