namespace MicroMove.Bot.Slack;

/// <summary>The default handler until the features plug theirs in: logs what arrived and does nothing.</summary>
internal sealed class LoggingSlackInboundHandler(ILogger<LoggingSlackInboundHandler> logger) : ISlackInboundHandler
{
    public Task HandleEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        logger.SlackUnhandled(slackEvent.GetType().Name, slackEvent.Context.TeamId);
        return Task.CompletedTask;
    }

    public Task HandleCommandAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        logger.SlackUnhandled(nameof(SlackCommand), command.TeamId);
        return Task.CompletedTask;
    }

    public Task HandleInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken)
    {
        logger.SlackUnhandled(interaction.GetType().Name, interaction.Context.TeamId);
        return Task.CompletedTask;
    }

    public Task<SlackViewSubmissionResult> HandleViewSubmissionAsync(SlackViewSubmission submission, CancellationToken cancellationToken)
    {
        logger.SlackUnhandled(nameof(SlackViewSubmission), submission.Context.TeamId);
        return Task.FromResult(SlackViewSubmissionResult.Close);
    }

    public Task HandleInstalledAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        logger.SlackUnhandled(nameof(SlackInstallation), installation.TeamId);
        return Task.CompletedTask;
    }
}
