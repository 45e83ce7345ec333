using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.DevConsole;

/// <summary>Reads and writes the console clock's offset row.</summary>
internal static class ConsoleClockStore
{
    public static async Task<TimeSpan> ReadAsync(MicroMoveDbContext db, CancellationToken cancellationToken) =>
        await db.DevConsoleClock.AsNoTracking()
            .Where(c => c.Id == DevConsoleClockEntity.SingletonId)
            .Select(c => (TimeSpan?)c.Offset)
            .SingleOrDefaultAsync(cancellationToken) ?? TimeSpan.Zero;

    public static Task WriteAsync(MicroMoveDbContext db, TimeSpan offset, CancellationToken cancellationToken)
    {
        var now = ConsoleClock.RealNow();
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO micromove.dev_console_clock (id, "offset", updated_at) VALUES (1, {offset}, {now})
            ON CONFLICT (id) DO UPDATE SET "offset" = excluded."offset", updated_at = excluded.updated_at
            """,
            cancellationToken);
    }
}
