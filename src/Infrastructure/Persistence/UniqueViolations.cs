using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>
/// Idempotency lives in unique indexes; EF has no ON CONFLICT, so a second insert of the
/// same fact surfaces as a unique violation, which here means "already recorded".
/// </summary>
public static class UniqueViolations
{
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Saves; when a unique index says the fact is already there, forgets the pending
    /// changes and returns false instead of throwing.
    /// </summary>
    public static async Task<bool> SaveUnlessDuplicateAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
