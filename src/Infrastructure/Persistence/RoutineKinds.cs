using MicroMove.Domain.Catalogue;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>Routine slugs as stored, back to the Domain's kinds.</summary>
public static class RoutineKinds
{
    // A loop rather than a LINQ lookup: weekly summaries parse one per log row read.
    public static RoutineKind? TryParse(string? slug)
    {
        if (slug is null)
        {
            return null;
        }

        var routines = MovementCatalogue.Routines;
        for (var i = 0; i < routines.Count; i++)
        {
            if (string.Equals(routines[i].Slug, slug, StringComparison.Ordinal))
            {
                return routines[i].Kind;
            }
        }

        return null;
    }
}
