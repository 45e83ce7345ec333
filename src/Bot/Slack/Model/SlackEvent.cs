namespace MicroMove.Bot.Slack;

/// <summary>A verified, de-duplicated Events API event, handed on after the HTTP ack.</summary>
internal abstract record SlackEvent(SlackEventContext Context);
