namespace MicroMove.Bot.Slack;

/// <summary>What a failed Web API call means for the caller.</summary>
internal enum SlackErrorKind
{
    /// <summary>Anything not classified below (invalid_arguments, msg_too_long…): a bug or bad input; do not retry.</summary>
    Other,

    /// <summary>invalid_auth, token_revoked, account_inactive…: stop using this workspace.</summary>
    WorkspaceAccessLost,

    /// <summary>channel_not_found, user_not_found, not_in_channel, is_archived…: this recipient cannot be reached; others can.</summary>
    Recipient,

    /// <summary>HTTP 429 or ratelimited/rate_limited: back off.</summary>
    RateLimited,

    /// <summary>missing_scope, not_enabled…: the app's configuration needs fixing.</summary>
    Configuration,

    /// <summary>5xx, timeouts, network failures, internal_error…: may succeed later (check <see cref="SlackApiException.MayHaveTakenEffect"/>).</summary>
    Transient,
}
