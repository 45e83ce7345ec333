namespace MicroMove.Bot.Slack;

/// <summary>A verified interactivity payload (block_actions, view_submission, view_closed).</summary>
internal abstract record SlackInteraction(SlackInteractionContext Context);
