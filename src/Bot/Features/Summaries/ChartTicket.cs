namespace MicroMove.Bot.Features.Summaries;

/// <summary>What a valid chart link grants: one person's chart of one week, until it expires.</summary>
internal sealed record ChartTicket(Guid PersonId, DateOnly FirstDay, DateTimeOffset ExpiresAt);
