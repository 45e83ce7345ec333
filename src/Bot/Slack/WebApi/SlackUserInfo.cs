namespace MicroMove.Bot.Slack;

/// <summary>users.info, reduced to what MicroMove uses. TimeZone is the IANA name; never store TimeZoneOffsetSeconds as the zone.</summary>
internal sealed record SlackUserInfo(
    string Id,
    string? TeamId,
    string? Name,
    string? RealName,
    string? TimeZone,
    string? TimeZoneLabel,
    int? TimeZoneOffsetSeconds,
    bool IsBot,
    bool Deleted);
