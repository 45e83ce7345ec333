namespace MicroMove.Bot.Slack;

/// <summary>A parsed Events API body: an event, or a url_verification challenge.</summary>
internal sealed record SlackEventsRequest(SlackEvent? Event, string? Challenge);
