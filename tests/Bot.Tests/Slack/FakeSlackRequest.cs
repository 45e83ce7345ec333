namespace MicroMove.Bot.Tests.Slack;

/// <summary>One request the fake Slack Web API received.</summary>
internal sealed record FakeSlackRequest(string Method, string Path, string Authorization, string? ContentType, string Body);
