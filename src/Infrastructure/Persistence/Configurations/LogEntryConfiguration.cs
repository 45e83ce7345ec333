using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntryEntity>
{
    public void Configure(EntityTypeBuilder<LogEntryEntity> builder)
    {
        builder.ToTable("log_entries", table =>
        {
            table.HasCheckConstraint("ck_log_entries_fatigue_before", "fatigue_before BETWEEN 1 AND 5");
            table.HasCheckConstraint("ck_log_entries_fatigue_after", "fatigue_after BETWEEN 1 AND 5");
        });
        builder.Property(e => e.SourceKey).HasMaxLength(160);
        builder.Property(e => e.Routine).HasMaxLength(32);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.Version).IsRowVersion();

        builder.HasOne(e => e.Person).WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Delivery).WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.SetNull);

        // Retried "done" answers land on the same key: recorded once.
        builder.HasIndex(e => new { e.PersonId, e.SourceKey }).IsUnique();
        builder.HasIndex(e => e.DeliveryId).IsUnique().HasFilter("delivery_id IS NOT NULL");
        builder.HasIndex(e => new { e.PersonId, e.DoneAt });
    }
}
