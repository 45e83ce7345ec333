using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class DevConsoleClockConfiguration : IEntityTypeConfiguration<DevConsoleClockEntity>
{
    public void Configure(EntityTypeBuilder<DevConsoleClockEntity> builder)
    {
        builder.ToTable("dev_console_clock", t => t.HasCheckConstraint("ck_dev_console_clock_single_row", "id = 1"));
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}
