namespace MicroMove.Bot.Slack;

/// <summary>An installed, active Slack workspace as inbound handling needs it: its row id and its opened bot token.</summary>
internal sealed record SlackInstalledWorkspace(Guid Id, string ExternalId, SlackBotToken Token);
