namespace MicroMove.Bot.Features.Prompts;

/// <summary>
/// A delivery this worker holds under a lease; <see cref="Attempts"/> identifies this claim.
/// <see cref="IsWeeklySummary"/> lets a batch's summaries be built together before their sends.
/// </summary>
internal sealed record DeliveryClaim(Guid Id, int Attempts, Guid WorkspaceId, bool IsWeeklySummary = false);
