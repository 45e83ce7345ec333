namespace MicroMove.Bot.Teams;

/// <summary>Applied. <see cref="Id"/> is the activity id (send, reply, update) or the conversation id (create).</summary>
internal sealed record ConnectorSuccess(string? Id, string? ActivityId = null) : ConnectorResult;
