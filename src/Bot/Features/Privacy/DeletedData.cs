namespace MicroMove.Bot.Features.Privacy;

/// <summary>What one deletion removed, row counts per kind (for the log line; nothing about the person).</summary>
internal sealed record DeletedData(
    Guid PersonId,
    Guid WorkspaceId,
    int LogEntries,
    int Deliveries,
    int ChallengeEntries,
    int TeamsConversations);
