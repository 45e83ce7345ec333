using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<PersonEntity>
{
    public void Configure(EntityTypeBuilder<PersonEntity> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.PlatformUserId).HasMaxLength(128);
        builder.Property(p => p.DisplayName).HasMaxLength(256);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.ConversationId).HasMaxLength(256);
        builder.Property(p => p.ServiceUrl).HasMaxLength(512);
        builder.Property(p => p.UnreachableReason).HasMaxLength(512);
        builder.Property(p => p.Schedule)
            .HasColumnType("jsonb")
            .HasConversion(StorageConversions.JsonDocument<ScheduleSettings>(), StorageConversions.JsonComparer<ScheduleSettings>());
        builder.Property(p => p.Version).IsRowVersion();

        builder.HasOne(p => p.Workspace).WithMany(w => w.People).HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.WorkspaceId, p.PlatformUserId }).IsUnique();

        // "Who is due" reads this index only: its cost follows the number due, not the number of people.
        builder.HasIndex(p => p.NextPromptAt)
            .HasDatabaseName("ix_people_due")
            .HasFilter("active AND next_prompt_at IS NOT NULL");
        builder.HasIndex(p => p.NextSummaryAt)
            .HasDatabaseName("ix_people_summary_due")
            .HasFilter("active AND next_summary_at IS NOT NULL");
    }
}
