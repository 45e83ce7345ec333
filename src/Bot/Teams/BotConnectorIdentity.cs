namespace MicroMove.Bot.Teams;

/// <summary>
/// The outcome of validating an inbound token, and the checks that need the activity:
/// the <c>serviceurl</c> claim must equal the activity's serviceUrl, and the signing key's
/// endorsements (when it has any) must contain the activity's channelId.
/// </summary>
internal sealed record BotConnectorIdentity(bool IsAuthenticated, string? Failure, string? ServiceUrlClaim, IReadOnlyList<string>? Endorsements, bool IsEmulator)
{
    public static BotConnectorIdentity Rejected(string reason) => new(false, reason, null, null, false);

    public static BotConnectorIdentity Accepted(string? serviceUrl, IReadOnlyList<string>? endorsements, bool emulator) =>
        new(true, null, serviceUrl, endorsements, emulator);

    /// <summary>Null when the activity's serviceUrl matches the token's claim (case-insensitively); else why not.</summary>
    public string? ServiceUrlProblem(TeamsActivity activity)
    {
        if (IsEmulator)
        {
            return null;
        }

        if (string.IsNullOrEmpty(ServiceUrlClaim))
        {
            return "token has no serviceurl claim";
        }

        return string.Equals(ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : "activity serviceUrl differs from the token's serviceurl claim";
    }

    /// <summary>Null when the signing key endorses the activity's channel (or has no endorsements); else why not.</summary>
    public string? EndorsementProblem(TeamsActivity activity) =>
        Endorsements is null || (activity.ChannelId is { Length: > 0 } channel && Endorsements.Contains(channel, StringComparer.OrdinalIgnoreCase))
            ? null
            : "signing key does not endorse the activity's channel";
}
