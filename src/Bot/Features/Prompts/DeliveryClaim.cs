namespace MicroMove.Bot.Features.Prompts;

/// <summary>A delivery this worker holds under a lease; <see cref="Attempts"/> identifies this claim.</summary>
internal sealed record DeliveryClaim(Guid Id, int Attempts, Guid WorkspaceId);
