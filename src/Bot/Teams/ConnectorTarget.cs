namespace MicroMove.Bot.Teams;

/// <summary>What a Connector call is throttled by: its tenant and, for sends and updates, its conversation.</summary>
internal sealed record ConnectorTarget(string? TenantId, string? ConversationId);
