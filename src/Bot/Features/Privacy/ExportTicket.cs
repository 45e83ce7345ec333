namespace MicroMove.Bot.Features.Privacy;

/// <summary>What a valid export link grants: one person's data, built when downloaded, until it expires.</summary>
internal sealed record ExportTicket(Guid PersonId, DateTimeOffset ExpiresAt);
