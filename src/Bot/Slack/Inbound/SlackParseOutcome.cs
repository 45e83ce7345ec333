namespace MicroMove.Bot.Slack;

/// <summary>How a parsed inbound request is answered.</summary>
internal enum SlackParseOutcome
{
    /// <summary>Typed input to hand on.</summary>
    Accepted,

    /// <summary>Events API url_verification: echo the challenge.</summary>
    UrlVerification,

    /// <summary>Well-formed but not for us (unknown type, bot message, edit…): 200 and a log line.</summary>
    Ignored,

    /// <summary>Malformed or missing required fields: 400 with the reason.</summary>
    Invalid,
}
