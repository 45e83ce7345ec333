namespace MicroMove.Bot.Slack;

/// <summary>
/// Where the Slack protocol layer hands verified, typed, de-duplicated input to the features.
/// Every method but <see cref="HandleViewSubmissionAsync"/> runs after the HTTP ack, on a
/// background worker, in a DI scope of its own; exceptions are logged and swallowed.
/// Answer commands through <see cref="SlackCommand.ResponseUrl"/> or the Web API.
/// </summary>
internal interface ISlackInboundHandler
{
    /// <summary>message.im (people only), app_mention, app_home_opened, app_uninstalled, tokens_revoked.</summary>
    Task HandleEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken);

    /// <summary>
    /// <b>Inside</b> the slash command's request, before it is queued: what the 200 says. Must be
    /// quick (no Slack call; at most a cached lookup). The default is an empty 200.
    /// </summary>
    Task<SlackCommandAck> AcknowledgeCommandAsync(SlackCommand command, CancellationToken cancellationToken) => Task.FromResult(SlackCommandAck.Silent);

    /// <summary>A slash command, after the ack (see <see cref="SlackCommand.AnsweredInAck"/>).</summary>
    Task HandleCommandAsync(SlackCommand command, CancellationToken cancellationToken);

    /// <summary>block_actions and view_closed (after the ack).</summary>
    Task HandleInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken);

    /// <summary>
    /// view_submission, <b>inside</b> the request: the result is written back as the HTTP body, so
    /// it can keep the modal open with inline errors. The token is cancelled after about 2.5 s
    /// (Slack's limit is 3 s); a handler that runs over closes the modal. Do slow work later.
    /// </summary>
    Task<SlackViewSubmissionResult> HandleViewSubmissionAsync(SlackViewSubmission submission, CancellationToken cancellationToken);

    /// <summary>A workspace completed the OAuth install (e.g. greet the installer); runs after the browser got its page.</summary>
    Task HandleInstalledAsync(SlackInstallation installation, CancellationToken cancellationToken);
}
