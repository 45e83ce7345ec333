namespace MicroMove.Bot.Tests.Teams;

/// <summary>A request the fake Connector received; <see cref="Target"/> is the raw (still escaped) path.</summary>
internal sealed record RecordedRequest(string Method, string Target, string Authorization, string Body);
