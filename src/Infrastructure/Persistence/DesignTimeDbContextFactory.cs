using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the bot. The
/// connection string only has to parse: adding a migration never connects.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MicroMoveDbContext>
{
    public MicroMoveDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<MicroMoveDbContext>();
        DatabaseRegistration.Configure(builder, "Host=localhost;Database=micromove_design");
        return new MicroMoveDbContext(builder.Options);
    }
}
