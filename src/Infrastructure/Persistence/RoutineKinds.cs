using MicroMove.Domain.Catalogue;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>Routine slugs as stored, back to the Domain's kinds.</summary>
public static class RoutineKinds
{
    public static RoutineKind? TryParse(string? slug) =>
        slug is null ? null : MovementCatalogue.Routines.FirstOrDefault(r => r.Slug == slug)?.Kind;
}
