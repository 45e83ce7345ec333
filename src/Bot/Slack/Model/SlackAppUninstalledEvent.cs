namespace MicroMove.Bot.Slack;

/// <summary>The app was removed from the workspace; the workspace row is already deactivated when this is handed on.</summary>
internal sealed record SlackAppUninstalledEvent(SlackEventContext Context) : SlackEvent(Context);
