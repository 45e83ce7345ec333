namespace MicroMove.Bot.Slack;

/// <summary>
/// A Web API call that did not succeed: Slack's error code (or http_NNN / timeout / network_error),
/// what it means, and whether the call may have taken effect anyway (a chat.postMessage that
/// timed out may have posted: record that before deciding to send again).
/// </summary>
internal sealed class SlackApiException : Exception
{
    /// <summary>The error of a post that its caller's <see cref="Chat.PostingCheckpoint"/> called off: nothing was sent.</summary>
    public const string CheckpointRefused = "checkpoint_refused";

    public SlackApiException()
        : this("unknown", "unknown_error", SlackErrorKind.Other, mayHaveTakenEffect: false)
    {
    }

    public SlackApiException(string message)
        : this("unknown", message, SlackErrorKind.Other, mayHaveTakenEffect: false)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : this("unknown", message, SlackErrorKind.Other, mayHaveTakenEffect: false, innerException: innerException)
    {
    }

    public SlackApiException(
        string method, string error, SlackErrorKind kind, bool mayHaveTakenEffect, int? httpStatus = null, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {error} ({kind}).", innerException)
    {
        Method = method;
        Error = error;
        Kind = kind;
        MayHaveTakenEffect = mayHaveTakenEffect;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    public string Method { get; }

    public string Error { get; }

    public SlackErrorKind Kind { get; }

    public bool MayHaveTakenEffect { get; }

    public int? HttpStatus { get; }

    /// <summary>For <see cref="SlackErrorKind.RateLimited"/>: how long to wait before calling this method for this workspace again, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    public static SlackErrorKind Classify(string error) => error switch
    {
        "invalid_auth" or "account_inactive" or "token_revoked" or "token_expired" or "not_authed" or "team_access_not_granted"
            or "org_login_required" or "ekm_access_denied" => SlackErrorKind.WorkspaceAccessLost,
        "channel_not_found" or "not_in_channel" or "is_archived" or "user_not_found" or "user_disabled" or "cannot_dm_bot"
            or "user_not_visible" or "messages_tab_disabled" or "restricted_action" or "user_not_in_channel" => SlackErrorKind.Recipient,
        "ratelimited" or "rate_limited" => SlackErrorKind.RateLimited,
        "missing_scope" or "not_enabled" or "not_allowed_token_type" or "no_permission" or "invalid_client_id" or "bad_client_secret"
            or "bad_redirect_uri" => SlackErrorKind.Configuration,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => SlackErrorKind.Transient,
        _ => SlackErrorKind.Other,
    };
}
