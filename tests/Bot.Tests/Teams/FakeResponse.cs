namespace MicroMove.Bot.Tests.Teams;

/// <summary>What the fake Connector answers.</summary>
internal sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
