using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tracking;

/// <summary>
/// One plain-language adjustment for the weekly summary. <see cref="Movements"/> names the
/// movements it is about (to do more often, or to cut reps from); empty when it is about none.
/// </summary>
public sealed record Advice(AdviceKind Kind, string Text, IReadOnlyList<MovementId> Movements);
